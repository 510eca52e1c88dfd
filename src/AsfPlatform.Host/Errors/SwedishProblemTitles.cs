using Microsoft.AspNetCore.Http;

namespace AsfPlatform.Host.Errors;

/// <summary>
/// ProblemDetails written by the framework itself (a bare status code: an unknown API path, a wrong method, an
/// unreadable body) get a Swedish title instead of the English reason phrase; titles the platform set stay.
/// </summary>
internal static class SwedishProblemTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Felaktig begäran",
        [StatusCodes.Status401Unauthorized] = "Inloggning krävs",
        [StatusCodes.Status403Forbidden] = "Ingen behörighet",
        [StatusCodes.Status404NotFound] = "Finns inte",
        [StatusCodes.Status405MethodNotAllowed] = "Metoden stöds inte här",
        [StatusCodes.Status409Conflict] = "Konflikt",
        [StatusCodes.Status412PreconditionFailed] = "Fel version",
        [StatusCodes.Status415UnsupportedMediaType] = "Innehållstypen stöds inte",
        [StatusCodes.Status428PreconditionRequired] = "If-Match saknas",
        [StatusCodes.Status500InternalServerError] = ProblemExceptionHandler.Title,
        [StatusCodes.Status503ServiceUnavailable] = "Tjänsten är tillfälligt otillgänglig",
    };

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is { } status && Titles.TryGetValue(status, out var swedish)
            && (problem.Title is null || problem.Title == ReasonPhrase(status)))
            problem.Title = swedish;
    }

    // The framework's default titles are the HTTP reason phrases ("Not Found").
    private static string? ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
