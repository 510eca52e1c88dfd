using AsfPlatform.Contracts;
using AsfPlatform.Host.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>
/// The Swedish error page for people: an error thrown by a page (re-executed here by the exception handler, whatever
/// the method — hence no antiforgery check, the failed request's own form already had one) and a bare status code of a
/// page (404, 403, 405 …, re-executed with <c>?kod=</c>). The API answers ProblemDetails instead.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class FelModel : PageModel
{
    /// <summary>The page's heading.</summary>
    public string Heading { get; private set; } = "Något gick fel";

    /// <summary>What happened, in the user's words.</summary>
    public string Explanation { get; private set; } = "";

    /// <summary>The id the error is logged under; null for a plain status code.</summary>
    public string? CorrelationId { get; private set; }

    /// <summary>Shows the page for an error or a status code.</summary>
    public void OnGet(int? kod) => Describe(kod);

    /// <summary>A failed form post lands here too.</summary>
    public void OnPost(int? kod) => Describe(kod);

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is NotFoundException || (error is null && code == StatusCodes.Status404NotFound))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Heading = "Sidan finns inte";
            Explanation = error?.Message is { } what ? $"{what} finns inte. Den kan ha tagits bort eller aldrig funnits." :
                "Adressen leder inte till någon sida. Kontrollera adressen eller gå till översikten.";
            return;
        }
        if (error is null && code is { } status and >= 400 and < 500)
        {
            Response.StatusCode = status;
            Heading = status == StatusCodes.Status403Forbidden ? "Ingen behörighet" : "Begäran kunde inte utföras";
            Explanation = status == StatusCodes.Status403Forbidden
                ? "Din roll ger inte tillgång till den här sidan. Kontakta förbundets administratör om du behöver det."
                : $"Begäran kunde inte utföras (felkod {status}). Gå tillbaka och försök igen.";
            return;
        }
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        Explanation = "Ett oväntat fel uppstod. Inget har ändrats av den senaste åtgärden om du inte fått en bekräftelse. " +
            "Försök igen om en stund.";
        CorrelationId = error is null ? null : ProblemExceptionHandler.CorrelationId(HttpContext);
    }
}
