using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AsfPlatform.Host.Security;

/// <summary>
/// Serving behind a reverse proxy (<c>Security:ReverseProxy:KnownProxies</c>, comma-separated addresses): the
/// client's address and scheme are read from X-Forwarded-For/-Proto sent by those proxies only, so sign-in limits count
/// the real client and HTTPS is recognised. Over HTTPS the host sends HSTS and redirects plain HTTP to HTTPS.
/// </summary>
internal static class ReverseProxy
{
    public const string KnownProxiesKey = "Security:ReverseProxy:KnownProxies";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0)
            app.UseForwardedHeaders();
        // HSTS is sent on HTTPS responses only (and never for localhost). The redirect needs to know the HTTPS port: the
        // host's own https:// address, or https_port (ASPNETCORE_HTTPS_PORT=443 behind a proxy that ends TLS); a host
        // served over plain HTTP alone (the embedded default) is left as it is.
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        if (app.Configuration["https_port"] is not null || (app.Configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase))
            app.UseHttpsRedirection();
        return app;
    }

    private static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration) =>
        (configuration[KnownProxiesKey] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => IPAddress.TryParse(text, out var address) ? address
                : throw new InvalidOperationException($"{KnownProxiesKey}: \"{text}\" är ingen IP-adress."))
            .ToList();
}
