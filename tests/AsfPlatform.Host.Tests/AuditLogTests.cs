using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;
using Microsoft.Data.Sqlite;

namespace AsfPlatform.Host.Tests;

public sealed class AuditLogTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private IAuditLog Audit => factory.Services.GetRequiredService<IAuditLog>();

    [Fact]
    public async Task Creating_and_changing_an_account_is_logged_with_who_before_and_after_but_never_the_password()
    {
        await factory.EnsureAdminAsync();
        await factory.Accounts.CreateAsync(new NewUserAccount("loggad", "Loggad Person", AccessRole.Läsare, null,
            "Ett-Langt-Losenord-9"), "admin");
        await factory.Accounts.UpdateAsync("loggad", new UserAccountChange(Role: AccessRole.Styrelse), "admin");

        var history = await Audit.ReadAsync("användare", "loggad");

        Assert.Equal(["skapad", "ändrad"], history.Select(e => e.Action));
        Assert.All(history, e => Assert.Equal("admin", e.Actor));
        Assert.Null(history[0].BeforeJson);
        Assert.Equal("Läsare", JsonDocument.Parse(history[1].BeforeJson!).RootElement.GetProperty("role").GetString());
        Assert.Equal("Styrelse", JsonDocument.Parse(history[1].AfterJson!).RootElement.GetProperty("role").GetString());
        Assert.True(history[0].Sequence < history[1].Sequence);
        Assert.All(history, e => Assert.DoesNotContain("Ett-Langt-Losenord-9", e.AfterJson));
        Assert.All(history, e => Assert.DoesNotContain("AQAAAA", e.AfterJson)); // Identity v3 hash prefix
    }

    [Fact]
    public async Task The_audit_table_refuses_updates_and_deletes()
    {
        var entry = await Audit.AppendAsync(new AuditRecord("test", "kommun", "k2180", "ändrad", "{\"a\":1}", "{\"a\":2}"));
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();

        foreach (var sql in new[] { "UPDATE asf_audit_log SET actor = 'någon annan'", "DELETE FROM asf_audit_log" })
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message);
        }
        var stored = Assert.Single(await Audit.ReadAsync("kommun", "k2180"));
        Assert.Equal(entry, stored);
    }

    [Fact]
    public async Task The_history_of_an_entity_is_readable_over_the_api_oldest_first()
    {
        await factory.CreateUserAsync("historik", AccessRole.Läsare);
        await Audit.AppendAsync(new AuditRecord("historik", "företag", "f-42", "skapad", null, "{\"namn\":\"Kooperativet\"}"));
        await Audit.AppendAsync(new AuditRecord("historik", "företag", "f-42", "ändrad", "{\"namn\":\"Kooperativet\"}", "{\"namn\":\"Kooperativet Ek\"}"));
        await Audit.AppendAsync(new AuditRecord("historik", "företag", "f-43", "skapad", null, "{}"));
        var client = await factory.TokenClientAsync("historik");

        var entries = await client.GetFromJsonAsync<List<AuditEntry>>("/api/audit/företag/f-42");

        Assert.Equal(["skapad", "ändrad"], entries!.Select(e => e.Action));
    }
}
