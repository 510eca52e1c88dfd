using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AsfPlatform.Access;
using AsfPlatform.Host.Api;
using Microsoft.Data.Sqlite;

namespace AsfPlatform.Host.Tests;

public sealed class TokenTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    private IApiTokenService Tokens => factory.Services.GetRequiredService<IApiTokenService>();

    [Fact]
    public async Task A_personal_token_authenticates_api_calls_as_its_owner()
    {
        await factory.CreateUserAsync("kontor2180", AccessRole.Partnerkontor, OrganisationRef.Municipality("2180"));
        var client = await factory.TokenClientAsync("kontor2180");

        var me = await client.GetFromJsonAsync<CurrentUserDto>("/api/me");

        Assert.Equal(new CurrentUserDto("kontor2180", "Person kontor2180", "Partnerkontor", "kommun:2180"), me);
    }

    [Fact]
    public async Task The_secret_is_stored_only_as_its_SHA256_hash()
    {
        await factory.CreateUserAsync("hashkoll", AccessRole.Läsare);
        var issued = await Tokens.IssueAsync("hashkoll", "Export", "hashkoll");

        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM asf_access_tokens WHERE token_id = $id";
        command.Parameters.AddWithValue("$id", issued.Token.TokenId);
        var stored = (string?)await command.ExecuteScalarAsync();

        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(issued.Secret))).ToLowerInvariant();
        Assert.Equal(expected, stored);
        command.CommandText = "SELECT COUNT(*) FROM asf_access_tokens WHERE token_hash = $s OR name = $s OR prefix = $s OR token_id = $s";
        command.Parameters.AddWithValue("$s", issued.Secret);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        await factory.CreateUserAsync("aterkallas", AccessRole.Läsare);
        var issued = await Tokens.IssueAsync("aterkallas", "Tillfällig", "aterkallas");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var revoke = await client.DeleteAsync($"/api/tokens/{issued.Token.TokenId}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_is_refused_with_401_not_a_redirect()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "asf_hittepa");

        var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_through_the_api_is_shown_once_and_works()
    {
        await factory.CreateUserAsync("egennyckel", AccessRole.Styrelse);
        var cookieClient = await factory.SignedInClientAsync("egennyckel", "Ett-Langt-Losenord-9");

        var response = await cookieClient.PostAsJsonAsync("/api/tokens", new IssueTokenRequest("Rapportrobot"));
        var issued = await response.Content.ReadFromJsonAsync<IssuedTokenDto>();

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("asf_", issued!.Token);
        var listed = await cookieClient.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(issued.Token, listed);
        var tokenClient = factory.CreateClient();
        tokenClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal("egennyckel", (await tokenClient.GetFromJsonAsync<CurrentUserDto>("/api/me"))!.UserName);
    }

    [Fact]
    public async Task A_disabled_users_tokens_stop_working()
    {
        await factory.CreateUserAsync("stangs", AccessRole.Läsare);
        var client = await factory.TokenClientAsync("stangs");

        await factory.Accounts.UpdateAsync("stangs", new UserAccountChange(Disabled: true), "test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_that_just_worked_stops_at_once_when_its_user_is_disabled_or_it_is_revoked()
    {
        await factory.CreateUserAsync("cachad", AccessRole.Läsare);
        var disabledClient = await factory.TokenClientAsync("cachad");
        await factory.CreateUserAsync("cachad2", AccessRole.Läsare);
        var issued = await factory.Services.GetRequiredService<IApiTokenService>().IssueAsync("cachad2", "robot", "test");
        var revokedClient = factory.CreateClient();
        revokedClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await disabledClient.GetAsync("/api/me")).StatusCode); // now remembered
        Assert.Equal(HttpStatusCode.OK, (await revokedClient.GetAsync("/api/me")).StatusCode);

        await factory.Accounts.UpdateAsync("cachad", new UserAccountChange(Disabled: true), "test");
        await factory.Services.GetRequiredService<IApiTokenService>().RevokeAsync("cachad2", issued.Token.TokenId, "test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await disabledClient.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync("/api/me")).StatusCode);
    }
}
