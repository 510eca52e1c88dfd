using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AsfPlatform.Access;
using AsfPlatform.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AsfPlatform.Host.Tests;

/// <summary>
/// The real host on a fresh SQLite file per factory. <see cref="SignInLimit"/> is generous unless a test is about
/// the limit itself.
/// </summary>
public sealed class DatasetHostFactory : AsfHostFactory
{
    public DatasetHostFactory() => LoadDataset = true;
}

public class AsfHostFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Korrekt-Hast-Batteri-1";

    private readonly TempSqliteDatabase _database = new("host");

    public int SignInLimit { get; init; } = 1000;

    /// <summary>Whether the host loads the sample dataset on start (the production default).</summary>
    public bool LoadDataset { get; protected init; }

    public string ConnectionString => _database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Dataset:LoadOnStart", LoadDataset ? "true" : "false");
        builder.UseSetting("Security:SignIn:PermitLimit", SignInLimit.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in FreePorts.ForSilo())
            builder.UseSetting(key, value);
    }

    public IUserAccountService Accounts => Services.GetRequiredService<IUserAccountService>();

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task EnsureAdminAsync()
    {
        if (!await Accounts.AdminExistsAsync())
            await Accounts.CreateFirstAdminAsync(AdminUser, "Ada Admin", AdminPassword);
    }

    public async Task<UserAccount> CreateUserAsync(string userName, AccessRole role, OrganisationRef? organisation = null,
        string password = "Ett-Langt-Losenord-9")
    {
        await EnsureAdminAsync();
        return await Accounts.CreateAsync(new NewUserAccount(userName, $"Person {userName}", role, organisation, password), "test");
    }

    /// <summary>A client signed in through the form, the way a browser does it.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateBrowserClient();
        var response = await PostFormAsync(client, "/logga-in", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpClient> TokenClientAsync(string userName)
    {
        var issued = await Services.GetRequiredService<IApiTokenService>().IssueAsync(userName, "test", "test");
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", issued.Secret);
        return client;
    }

    /// <summary>Fetches the form page for its antiforgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields,
        string? handler = null)
    {
        var page = await client.GetStringAsync(path);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path}");
        fields["__RequestVerificationToken"] = token;
        var target = handler is null ? path : $"{path}?handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _database.Dispose();
    }
}
