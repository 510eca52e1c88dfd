using AsfPlatform.TestSupport;

namespace AsfPlatform.Cli.Tests;

public class DataCommandTests
{
    [Fact]
    public async Task Init_then_loading_twice_changes_nothing_the_second_and_third_time()
    {
        using var database = new TempSqliteDatabase("idempotent");
        var work = Directory.CreateTempSubdirectory("asf-cli-").FullName;
        Task<CliResult> Run(params string[] args) => CliRun.RunAsync(work, null, [.. args, "--database", database.FilePath]);

        var init = await Run("init");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("Datamängden är inläst", init.Out);
        Assert.Contains("finsam-gavleborg", init.Out);
        Assert.True(File.Exists(database.FilePath));

        foreach (var args in new[] { new[] { "data", "load" }, ["init"] })
        {
            var again = await Run(args);
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("redan inläst", again.Out);
            Assert.Contains("inga ändringar", again.Out);
        }
    }

    [Fact]
    public async Task The_default_database_is_asf_db_under_the_working_directory_as_for_the_web_host()
    {
        var work = Directory.CreateTempSubdirectory("asf-cli-").FullName;
        try
        {
            var result = await CliRun.RunAsync(work, null, "users", "add", "--user", "ingen", "--name", "X", "--role", "Läsare");
            // No password on stdin: refused before anything is stored, but the location is the default one.
            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            var location = StorageLocation.Resolve(null, null, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), work);
            Assert.Contains(Path.Combine(work, ".asf", "asf.db"), location.ConnectionString);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Database_and_postgres_together_is_an_error_naming_both_options()
    {
        var ex = Assert.Throws<CliException>(() => StorageLocation.Resolve("a.db", "Host=x", new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), "/tmp"));
        Assert.Contains("--database/--postgres", ex.Message);
    }
}

public class DataQualityTests(InitializedDatabase db) : IClassFixture<InitializedDatabase>
{
    [Fact]
    public async Task Quality_lists_the_stated_totals_that_differ_from_their_parts()
    {
        var result = await db.RunAsync("data", "quality", "--owner", "finsam-gavleborg", "--insats", "asf-2016-2020");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Länsuppföljning 2018", result.Out);
        Assert.Matches(@"\d+ avvikelser", result.Out);
    }

    [Fact]
    public async Task Quality_without_owner_names_the_option()
    {
        var result = await db.RunAsync("data", "quality");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--owner", result.Error);
    }

    [Fact]
    public async Task Quality_for_an_unknown_owner_names_the_option_and_the_known_owners()
    {
        var result = await db.RunAsync("data", "quality", "--owner", "finns-inte");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--owner", result.Error);
        Assert.Contains("finsam-gavleborg", result.Error);
    }
}
