using System.Diagnostics;
using AsfPlatform.Host;
using AsfPlatform.TestSupport;

namespace AsfPlatform.LoadTests;

/// <summary>
/// The web host in a process of its own (<c>dotnet AsfPlatform.Host.dll</c>) on 127.0.0.1 with its own HTTP, silo and
/// gateway ports, so several hosts of one PostgreSQL cluster run side by side as they would on separate servers.
/// </summary>
public sealed class ExternalHost : IAsyncDisposable
{
    private readonly Process _process;

    private ExternalHost(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public string BaseUrl { get; }

    public static async Task<ExternalHost> StartAsync(string provider, string connectionString)
    {
        var ports = FreePorts.Take(3);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(typeof(AsfHostApplication).Assembly.Location)!,
        };
        foreach (var argument in new[]
        {
            typeof(AsfHostApplication).Assembly.Location,
            "--urls", $"http://127.0.0.1:{ports[0]}", "--environment", "Production",
            "--Storage:Provider", provider, "--Storage:ConnectionString", connectionString,
            "--Dataset:LoadOnStart", "false", "--Security:SignIn:PermitLimit", "100000",
            "--Logging:LogLevel:Default", "Warning", "--Logging:Console:FormatterName", "simple",
            "--Orleans:SiloPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[host {ports[0]}] {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"[host {ports[0]}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new ExternalHost(process, $"http://127.0.0.1:{ports[0]}");
        using var probe = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host on port {ports[0]} exited with {process.ExitCode}");
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode)
                    return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await host.DisposeAsync();
        throw new TimeoutException($"The host on port {ports[0]} did not become healthy within 90 s");
    }

    /// <summary>Kills the host process at once (SIGKILL, as <c>kill -9</c>): no shutdown, no flush, writes in flight cut.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the host gracefully (SIGTERM: the silo leaves the cluster and deactivates its grains).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
