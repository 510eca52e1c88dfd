using System.Diagnostics;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// kill -9 of host processes under write load, several rounds: afterwards every stored change has exactly one audit
/// entry and every audit entry a stored change (docs/adr/0004-audit-outbox.md). A short run of the load tool's
/// <c>--kill-rounds</c> mode (tests/AsfPlatform.LoadTests), which starts the host as processes of their own, kills them
/// with SIGKILL while simulated offices write, and checks the audit log against the stored state afterwards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditOutboxKillTests
{
    [Fact]
    public Task On_SQLite_host_processes_killed_under_load_leave_every_stored_change_with_exactly_one_audit_entry() =>
        RunAsync("--storage", "sqlite", "--offices", "12", "--seconds", "2", "--kill-rounds", "3");

    [Fact]
    public Task On_PostgreSQL_a_host_of_two_killed_under_load_leaves_every_stored_change_with_exactly_one_audit_entry() =>
        RunAsync("--storage", "postgres", "--hosts", "2", "--offices", "12", "--seconds", "6", "--kill-rounds", "1");

    private static async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(LoadTool());
        foreach (var argument in arguments.Append("--warmup").Append("0"))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var said = await output;
        Assert.True(process.ExitCode == 0, said + await errors);
        Assert.Contains("every stored change has exactly one audit entry, every audit entry a stored change", said);
        Assert.Matches(@"killed \(kill -9\) under load", said);
    }

    // The load tool is built beside this project (a build-order reference): tests/AsfPlatform.LoadTests/bin/<config>/<tfm>.
    private static string LoadTool()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        var tests = here.Parent!.Parent!.Parent!.Parent!.FullName;
        var tool = Path.Combine(tests, "AsfPlatform.LoadTests", "bin", configuration, framework, "AsfPlatform.LoadTests.dll");
        Assert.True(File.Exists(tool), $"The load tool is not built: {tool}");
        return tool;
    }
}
