using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AsfPlatform.Host.Security;

/// <summary>Settings of the sign-in limiter ("Security:SignIn").</summary>
public sealed class SignInLimitSettings
{
    /// <summary>Attempts allowed per client address and window.</summary>
    public int PermitLimit { get; set; } = 5;

    /// <summary>Window length in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Limits sign-in attempts (form posts) per client address, answering in Swedish when exceeded.</summary>
internal static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";
    public const string RejectionMessage = "För många inloggningsförsök. Vänta en stund och försök sedan igen.";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitSettings>().Bind(configuration.GetSection("Security:SignIn"));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only posts count: showing the form is free, trying a password is not.
            options.AddPolicy(PolicyName, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter("visa");
                var settings = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInLimitSettings>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "okänd",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, settings.PermitLimit),
                        Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    $"""
                    <!DOCTYPE html>
                    <html lang="sv"><head><meta charset="utf-8"><title>För många försök – AsfPlatform</title>
                    <link rel="stylesheet" href="/css/site.css"></head>
                    <body><main class="page narrow"><h1>För många försök</h1>
                    <p role="alert" class="alert alert-error">{RejectionMessage}</p>
                    <p><a href="/logga-in">Tillbaka till inloggningen</a></p></main></body></html>
                    """, cancellationToken);
            };
        });
        return services;
    }
}
