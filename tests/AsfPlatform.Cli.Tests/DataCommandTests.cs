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
    public async Task Without_options_the_database_is_the_web_hosts_default_asf_db_at_the_checkout_root()
    {
        var root = Directory.CreateTempSubdirectory("asf-checkout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "AsfPlatform.sln"), "");
            var below = Directory.CreateDirectory(Path.Combine(root, "src", "AsfPlatform.Cli")).FullName;
            var result = await CliRun.RunAsync(below, "Hemligt-lösen-42", "users", "add", "--user", "anna", "--name", "Anna", "--role", "Läsare");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.True(File.Exists(Path.Combine(root, ".asf", "asf.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Database_and_postgres_together_is_an_error_naming_both_options()
    {
        var result = await CliRun.RunAsync(Path.GetTempPath(), null, "data", "load", "--database", "a.db", "--postgres", "Host=x");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--database/--postgres", result.Error);
    }

    [Fact]
    public async Task A_postgres_connection_without_host_is_an_error_naming_the_option()
    {
        var result = await CliRun.RunAsync(Path.GetTempPath(), null, "data", "load", "--postgres", "Database=asf");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--postgres", result.Error);
        Assert.Contains("Host", result.Error);
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
    public async Task Quality_lists_outcomes_by_sex_that_exceed_the_participants_naming_the_municipality()
    {
        var result = await db.RunAsync("data", "quality", "--owner", "finsam-gavleborg", "--insats", "asf-2016-2020");
        Assert.True(result.ExitCode == 0, result.ToString());
        // Nordanstig 2018: two outcomes given for men, one man took part (data/README.md); five stated totals besides.
        Assert.Contains("Nordanstig", result.Out);
        Assert.DoesNotContain("kommun 2132", result.Out);
        Assert.Contains("6 avvikelser.", result.Out);
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
