using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AsfPlatform.Host.Security;

/// <summary>
/// A flood guard per client address for the first-run page, in this process. Sign-in itself is limited per account and
/// per address across all hosts (<see cref="AsfPlatform.Access.ISignInThrottle"/>); both answer with the same Swedish page.
/// </summary>
internal static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";
    public const string RejectionMessage = "För många inloggningsförsök. Vänta en stund och försök sedan igen.";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AsfPlatform.Access.SignInThrottleOptions>().Bind(configuration.GetSection("Security:SignIn"));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only posts count: showing the form is free, trying a password is not.
            options.AddPolicy(PolicyName, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter("visa");
                var settings = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AsfPlatform.Access.SignInThrottleOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "okänd",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, settings.AddressPermitLimit),
                        Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteRejectionAsync(response, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>The Swedish page of a refused attempt (status and Retry-After set by the caller).</summary>
    public static async Task WriteRejectionAsync(HttpResponse response, CancellationToken cancellationToken)
    {
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
    }
}
