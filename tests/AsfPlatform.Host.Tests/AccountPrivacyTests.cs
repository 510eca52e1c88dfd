using AsfPlatform.Access;

namespace AsfPlatform.Host.Tests;

/// <summary>No personnummer in account or token names either, however it is written.</summary>
public sealed class AccountPrivacyTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Theory]
    [InlineData("Anna 811218-9876")]
    [InlineData("Anna 811218\u20139876")]          // en dash
    [InlineData("Anna 811218\u200b-9876")]         // zero-width space
    public async Task A_display_name_holding_a_personnummer_is_refused_naming_displayName(string displayName)
    {
        await factory.EnsureAdminAsync();

        var refused = await Assert.ThrowsAsync<AccessValidationException>(() => factory.Accounts.CreateAsync(
            new NewUserAccount($"anna{Guid.NewGuid():N}"[..12], displayName, AccessRole.Läsare, null, "Ett-Langt-Losenord-9"), "test"));

        Assert.Equal("displayName", refused.Field);
        Assert.Contains("personnummer", refused.Message);
    }

    [Fact]
    public async Task A_user_name_that_is_a_personnummer_is_refused_naming_userName()
    {
        await factory.EnsureAdminAsync();

        var refused = await Assert.ThrowsAsync<AccessValidationException>(() => factory.Accounts.CreateAsync(
            new NewUserAccount("8112189876", "Anna", AccessRole.Läsare, null, "Ett-Langt-Losenord-9"), "test"));

        Assert.Equal("userName", refused.Field);
        Assert.Null(await factory.Accounts.FindAsync("8112189876"));
    }

    [Fact]
    public async Task A_token_name_holding_a_personnummer_is_refused_naming_name()
    {
        await factory.EnsureAdminAsync();

        var refused = await Assert.ThrowsAsync<AccessValidationException>(() =>
            factory.Services.GetRequiredService<IApiTokenService>().IssueAsync(AsfHostFactory.AdminUser, "Nyckel för 121212-1212", "test"));

        Assert.Equal("name", refused.Field);
    }
}
