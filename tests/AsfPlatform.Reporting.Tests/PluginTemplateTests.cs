using System.Diagnostics;

namespace AsfPlatform.Reporting.Tests;

/// <summary>
/// The `dotnet new asf-report` template, end to end: install it into an isolated template hive, create a project,
/// build it, drop the dll into a plugin folder and find it with the catalog.
/// </summary>
public sealed class PluginTemplateTests
{
    [Fact]
    public async Task A_project_made_from_the_template_builds_and_is_discovered_from_the_drop_in_folder()
    {
        var repo = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("asf-template-");
        try
        {
            var hive = Path.Combine(work.FullName, "hive");
            await Dotnet(work.FullName, "new", "install", Path.Combine(repo, "templates", "asf-report-plugin"), "--debug:custom-hive", hive);
            await Dotnet(work.FullName, "new", "asf-report", "-n", "Kommunblad", "--reportId", "kommunblad", "--title", "Kommunblad", "--debug:custom-hive", hive);
            var project = Path.Combine(work.FullName, "Kommunblad");
            // Release, as the test run built the repository: the referenced projects are then up to date, not rebuilt.
            await Dotnet(project, "build", "-c", "Release", "-p:AsfRepoRoot=" + repo, "-nologo", "-v:q");

            var output = Path.Combine(project, "bin", "Release", "net10.0");
            Assert.Equal(["Kommunblad.dll"], Directory.GetFiles(output, "*.dll").Select(Path.GetFileName));

            var dropIn = Directory.CreateDirectory(Path.Combine(work.FullName, "plugins")).FullName;
            File.Copy(Path.Combine(output, "Kommunblad.dll"), Path.Combine(dropIn, "Kommunblad.dll"));
            var catalog = ReportCatalog.Create(new ReportingOptions { PluginDirectory = dropIn, ScanApplicationDirectory = false });

            Assert.Empty(catalog.Problems);
            var report = catalog.Get("kommunblad");
            Assert.Equal("Kommunblad", report.Title);
            Assert.Equal([ReportParameterKind.Owner, ReportParameterKind.Year, ReportParameterKind.AsOfDate], report.Parameters.Select(p => p.Kind));

            var runner = new ReportRunner(catalog, new ArgumentsOnlyReportContextFactory(), Microsoft.Extensions.Options.Options.Create(new ReportingOptions()));
            var docx = await runner.RunAsync("kommunblad", new ReportArguments(Owner: "gavleborg", Year: 2017), DateTimeOffset.UnixEpoch);
            Assert.NotEmpty(docx);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AsfPlatform.sln")))
                return dir.FullName;
        throw new InvalidOperationException("AsfPlatform.sln hittades inte ovanför testkatalogen.");
    }

    private static async Task Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Isolated CLI home so the test never touches the user's installed templates; packages from the shared cache.
        start.Environment["DOTNET_CLI_HOME"] = Path.Combine(workingDirectory, ".dotnet-home");
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: on a busy two-core CI machine a restore and build of a small project has taken over three minutes.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} misslyckades:\n{await stdout}\n{await stderr}");
    }
}
