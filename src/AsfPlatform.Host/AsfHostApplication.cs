using AsfPlatform.Composition;
using AsfPlatform.Host.Api;
using AsfPlatform.Host.Api.Json;
using AsfPlatform.Host.Api.OpenApi;
using AsfPlatform.Host.Configuration;
using AsfPlatform.Host.Health;
using AsfPlatform.Host.Live;
using AsfPlatform.Host.Operations;
using AsfPlatform.Host.Security;

namespace AsfPlatform.Host;

/// <summary>
/// Builds the web host. Kept apart from Program.cs so tests can start the real host on a Kestrel port
/// (browser tests) as well as under WebApplicationFactory (API tests).
/// </summary>
public static class AsfHostApplication
{
    /// <summary>Builds the application from command-line arguments (and appsettings, environment variables).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name decides where Razor Pages are discovered; it must be this assembly even when a test
        // process (not this host's Main) builds the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(AsfHostApplication).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Storage is resolved when first needed, so settings added by test factories after Program starts still apply.
        builder.AddAsfPlatformForHost();
        builder.AddOperationsDashboard();
        services.AddAsfAuthentication();
        services.AddSignInRateLimiting(builder.Configuration);
        services.AddReverseProxySupport(builder.Configuration);
        services.AddLiveUpdates();
        services.AddSingleton<AsfPlatform.Host.Domain.DomainWriter>();
        services.AddSingleton<AsfPlatform.Host.Domain.DomainReader>();
        services.AddSingleton<AsfPlatform.Host.Domain.ReportDownloads>();
        services.AddSingleton<AsfPlatform.Host.Domain.KnownOwners>();
        services.AddSingleton<AsfPlatform.Host.Domain.AccountAdministration>();
        services.AddSingleton<AsfPlatform.Host.Import.PendingImports>();
        services.AddSingleton<AsfPlatform.Host.Import.ImportService>();
        services.AddSingleton<AsfPlatform.Host.Import.SpreadsheetExports>();
        services.AddSingleton<AsfPlatform.Host.Domain.OwnerBackups>();
        services.AddOwnerScope();
        services.AddAsfHealth();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Errors.SwedishProblemTitles.Apply);
        services.AddExceptionHandler<Errors.ProblemExceptionHandler>();
        services.AddApiJson();
        services.AddAsfOpenApi();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/", Access.Authentication.AccessPolicies.Read);
            options.Conventions.AllowAnonymousToPage("/LoggaIn");
            options.Conventions.AllowAnonymousToPage("/LoggaUt");
            options.Conventions.AllowAnonymousToPage("/Installera");
            options.Conventions.AllowAnonymousToPage("/Fel");
            options.Conventions.AllowAnonymousToPage("/IngenBehorighet");
            options.Conventions.AuthorizeFolder("/Admin", Access.Authentication.AccessPolicies.Admin);
        });
        services.AddAntiforgery(options => options.Cookie.Name = "asf.af");
        // Swedish letters are written as themselves, not as &#xE5; (markup characters are still escaped).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    private static void UsePipeline(WebApplication app)
    {
        app.Logger.LogInformation("Storage: {Storage}", app.Services.GetRequiredService<AsfStorage>().Describe());
        app.UseReverseProxySupport();
        // The same error answers in every environment: no stack trace or request header ever reaches a caller.
        app.UseExceptionHandler("/fel");
        app.UseWhen(context => Security.AuthenticationSetup.IsApiRequest(context.Request),
            api => api.UseStatusCodePages());
        app.UseWhen(context => !Security.AuthenticationSetup.IsApiRequest(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/fel", "?kod={0}"));
        app.Use(SecurityHeaders.AddAsync);
        app.Use(Cluster.ClusterUnavailable.HandleAsync);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.Use(PasswordChangeRequired.HandleAsync);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapAsfHealth();
        app.MapLiveUpdates();
        app.MapAccountEndpoints();
        app.MapDomainEndpoints();
        app.MapNarrativeEndpoints();
        app.MapCorrectionEndpoints();
        app.MapOwnerEndpoints();
        app.MapRegisterEndpoints();
        app.MapReportEndpoints();
        app.MapSpreadsheetEndpoints();
        app.MapBackupEndpoints();
        app.MapOpenApi();
        app.MapApiReference();
        app.MapOperationsDashboard();
        app.MapRazorPages();
    }
}
