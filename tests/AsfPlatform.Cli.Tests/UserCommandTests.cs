using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Cli.Tests;

public sealed class UserCommandTests : IDisposable
{
    private const string Password = "Hemligt-lösen-42";
    private readonly TempSqliteDatabase _database = new("users");
    private readonly string _work = Directory.CreateTempSubdirectory("asf-cli-").FullName;

    private Task<CliResult> Run(string? stdin, params string[] args) => CliRun.RunAsync(_work, stdin, [.. args, "--database", _database.FilePath]);

    private ServiceProvider Access() => new ServiceCollection()
        .AddAsfAccess(o => o.ConnectionString = new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ConnectionString)
        .BuildServiceProvider();

    [Fact]
    public async Task Users_add_stores_a_hashed_password_read_from_stdin()
    {
        var result = await Run(Password + "\n", "users", "add", "--user", "Anna", "--name", "Anna Andersson", "--role", "Förbundsadmin");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("anna", result.Out);
        Assert.DoesNotContain(Password, result.Out + result.Error);

        using (var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT password_hash FROM asf_access_users WHERE user_name = 'anna'";
            var hash = (string)command.ExecuteScalar()!;
            Assert.DoesNotContain(Password, hash);
            Assert.True(hash.Length > 40);
        }
        await using var access = Access();
        var accounts = access.GetRequiredService<IUserAccountService>();
        Assert.NotNull(await accounts.VerifyPasswordAsync("anna", Password));
        Assert.Null(await accounts.VerifyPasswordAsync("anna", Password + "x"));
        Assert.Equal(AccessRole.Förbundsadmin, (await accounts.FindAsync("anna"))!.Role);
    }

    [Fact]
    public async Task A_partner_office_gets_its_organisation()
    {
        var result = await Run(Password, "users", "add", "--user", "gavle", "--name", "Gävle kommun", "--role", "partnerkontor", "--organisation", "2180");
        Assert.True(result.ExitCode == 0, result.ToString());
        await using var access = Access();
        var account = await access.GetRequiredService<IUserAccountService>().FindAsync("gavle");
        Assert.Equal(OrganisationRef.Municipality("2180"), account!.Organisation);
    }

    [Fact]
    public async Task An_account_added_with_owner_is_bound_to_it_and_one_without_is_installation_wide()
    {
        var bound = await Run(Password, "users", "add", "--user", "gavle-admin", "--name", "Gävleborgs admin", "--role",
            "Förbundsadmin", "--owner", "finsam-gavleborg");
        var wide = await Run(Password, "users", "add", "--user", "allt", "--name", "Alla ägare", "--role", "Läsare");
        var bad = await Run(Password, "users", "add", "--user", "fel", "--name", "Fel", "--role", "Läsare", "--owner", "Fel ägare!");

        Assert.True(bound.ExitCode == 0, bound.ToString());
        Assert.Contains("bunden till ägaren finsam-gavleborg", bound.Out);
        Assert.True(wide.ExitCode == 0, wide.ToString());
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--owner", bad.Error);
        await using var access = Access();
        var accounts = access.GetRequiredService<IUserAccountService>();
        Assert.Equal("finsam-gavleborg", (await accounts.FindAsync("gavle-admin"))!.Owner);
        Assert.Null((await accounts.FindAsync("allt"))!.Owner);
        Assert.Null(await accounts.FindAsync("fel"));
    }

    [Theory]
    [InlineData("--role", "users", "add", "--user", "bosse", "--name", "Bo", "--role", "Kung")]
    [InlineData("--organisation", "users", "add", "--user", "bosse", "--name", "Bo", "--role", "Partnerkontor")]
    [InlineData("--organisation", "users", "add", "--user", "bosse", "--name", "Bo", "--role", "Läsare", "--organisation", "2180")]
    [InlineData("--user", "users", "add", "--name", "Bo", "--role", "Läsare")]
    [InlineData("--user", "users", "add", "--user", "b", "--name", "Bo", "--role", "Läsare")]
    [InlineData("lösenord", "users", "add", "--user", "bosse", "--name", "Bo", "--role", "Läsare")]
    public async Task Bad_input_is_an_error_naming_the_option_and_stores_nothing(string named, params string[] args)
    {
        var stdin = named == "lösenord" ? "kort" : Password;
        var result = await Run(stdin, args);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(named, result.Error);
        await using var access = Access();
        Assert.Empty(await access.GetRequiredService<IUserAccountService>().ListAsync());
    }

    [Fact]
    public async Task A_password_cannot_be_given_as_an_argument()
    {
        var result = await Run(null, "users", "add", "--user", "bosse", "--name", "Bo", "--role", "Läsare", "--password", Password);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Okänt alternativ \"--password\"", result.Error);
    }

    [Fact]
    public async Task Users_token_prints_a_new_token_once_that_authenticates_the_user()
    {
        Assert.Equal(0, (await Run(Password, "users", "add", "--user", "styr", "--name", "Styrelsen", "--role", "Styrelse")).ExitCode);
        var result = await Run(null, "users", "token", "--user", "styr", "--token-name", "Export");
        Assert.True(result.ExitCode == 0, result.ToString());
        var secret = result.Out.Trim();
        Assert.StartsWith("asf_", secret);
        Assert.Contains("visas bara nu", result.Error);
        await using var access = Access();
        Assert.Equal("styr", (await access.GetRequiredService<IApiTokenService>().AuthenticateAsync(secret))!.UserName);

        var unknown = await Run(null, "users", "token", "--user", "ingen");
        Assert.Equal(ExitCodes.InvalidInput, unknown.ExitCode);
        Assert.Contains("--user", unknown.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}

public class HelpTests
{
    [Fact]
    public async Task Help_is_in_swedish_and_lists_the_commands()
    {
        var result = await CliRun.RunAsync(Path.GetTempPath(), null, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Användning:", result.Out);
        Assert.Contains("Kommandon:", result.Out);
        foreach (var command in new[] { "init", "data", "reports", "report", "users" })
            Assert.Contains(command, result.Out);
        Assert.DoesNotContain("Usage:", result.Out);
    }

    [Fact]
    public async Task An_unknown_option_is_named_in_swedish()
    {
        var result = await CliRun.RunAsync(Path.GetTempPath(), null, "report", "kommunrapport", "--bogus");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Okänt alternativ \"--bogus\"", result.Error);
    }
}
