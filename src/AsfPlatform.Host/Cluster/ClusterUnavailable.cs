using System.Net;
using AsfPlatform.Host.Api;
using Orleans.Runtime;

namespace AsfPlatform.Host.Cluster;

/// <summary>
/// Recognises the failures of a grain call that mean "a silo of the cluster is gone or not reachable right now"
/// (a silo died mid-request, the connection to it broke, the call timed out), and answers them with 503 and
/// <c>Retry-After</c> instead of 500: the request was fine, the client should simply try again in a moment.
/// </summary>
internal static class ClusterUnavailable
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    public const string Title = "Tjänsten är tillfälligt otillgänglig";

    public const string Detail =
        "En av plattformens servrar svarar inte just nu. Inget har ändrats om du inte fått en bekräftelse. Försök igen om en liten stund.";

    /// <summary>Whether the exception (or one it wraps) is a transient failure of the cluster.</summary>
    public static bool IsTransient(Exception exception) => Find(exception) is not null;

    /// <summary>
    /// Whether repeating the grain call at once may succeed: a rejected or refused message failed fast (the directory
    /// may already name a live silo on the second try); a timeout already cost the whole response timeout.
    /// </summary>
    public static bool IsWorthRetrying(Exception exception) => Find(exception) is { } and not (TimeoutException or OperationCanceledException);

    private static Exception? Find(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 8; depth++)
        {
            switch (exception)
            {
                // SiloUnavailableException derives from OrleansMessageRejectionException; named for the reader.
                case SiloUnavailableException:
                case OrleansMessageRejectionException:
                case ClientNotAvailableException:
                case GatewayTooBusyException:
                case Orleans.Runtime.Messaging.ConnectionFailedException:
                case TimeoutException:
                // "Message expired before placement could complete": the grain's silo died while the call waited to be
                // placed, and the call's time ran out; the same call a moment later lands on a live silo.
                case OperationCanceledException:
                    return exception;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                default:
                    exception = exception.InnerException;
                    break;
            }
        }
        return null;
    }

    /// <summary>Sets the <c>Retry-After</c> header on the response.</summary>
    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Catches what the endpoint filters did not: a page, a report download or any other request whose grain call
    /// failed this way answers 503 with <c>Retry-After</c>, in Swedish (ProblemDetails for the API, a page otherwise).
    /// </summary>
    public static async Task HandleAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception exception) when (IsTransient(exception) && !context.Response.HasStarted
            && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterUnavailable))
                .LogWarning(exception, "Cluster unavailable for {Method} {Path}; answered 503", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            if (Security.AuthenticationSetup.IsApiRequest(context.Request))
            {
                await ApiProblems.Unavailable(context.Response).ExecuteAsync(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            SetRetryAfter(context.Response);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><title>{Title} – AsfPlatform</title>
                <link rel="stylesheet" href="/css/site.css"></head>
                <body><main class="page narrow"><h1>{Title}</h1>
                <p role="alert" class="alert alert-error">{Detail}</p>
                <p><a href="{WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString)}">Försök igen</a></p></main></body></html>
                """, context.RequestAborted);
        }
    }
}
