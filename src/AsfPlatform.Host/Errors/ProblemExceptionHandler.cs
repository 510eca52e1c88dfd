using System.Diagnostics;
using AsfPlatform.Host.Api;
using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace AsfPlatform.Host.Errors;

/// <summary>
/// What a caller gets when a request throws, in every environment: a domain refusal becomes its ProblemDetails
/// (<see cref="DomainProblems"/>); anything else is a 500 that names a correlation id and nothing of the internals
/// (no exception type, message or stack, never the request's headers), while the log gets the whole exception under
/// that id. Pages are left to the Swedish error page (<c>/fel</c>), which shows the same id.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public const string Title = "Ett oväntat fel inträffade";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        var correlationId = CorrelationId(context);
        if (DomainProblems.IsDomain(exception) || exception is BadHttpRequestException)
            LogRefusal(logger, exception.GetType().Name, path, correlationId);
        else
            LogUnexpected(logger, exception, context.Request.Method, path, correlationId);
        if (!AuthenticationSetup.IsApiPath(path))
            return false;

        // A body or value the endpoint could not bind: the field named, as the domain's refusals do.
        var result = exception is BadHttpRequestException badRequest ? Api.Json.RequestBodyProblems.For(badRequest,
                // The middleware has cleared the endpoint for the error page; the feature keeps the one that failed.
                context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType)
            : DomainProblems.For(exception, context.Response) ?? TypedResults.Problem(
            $"Felet är loggat med id {correlationId}. Inget har ändrats om du inte fått en bekräftelse. Försök igen; kvarstår felet, " +
            "kontakta den som förvaltar plattformen och ange id:t.",
            statusCode: StatusCodes.Status500InternalServerError, title: Title,
            extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId });
        await result.ExecuteAsync(context);
        return true;
    }

    /// <summary>The id an error is logged under: the trace id when tracing, else the request's id.</summary>
    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path}; correlation id {CorrelationId}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Refusal} answered for {Path}; correlation id {CorrelationId}")]
    private static partial void LogRefusal(ILogger logger, string refusal, string path, string correlationId);
}
