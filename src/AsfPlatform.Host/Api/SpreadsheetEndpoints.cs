using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Host.Import;
using AsfPlatform.Spreadsheets;
using Microsoft.Net.Http.Headers;

namespace AsfPlatform.Host.Api;

/// <summary>
/// Spreadsheet import and export over HTTP. Import: download the template, upload for a preview (nothing is
/// applied; the answer's ETag names the preview), confirm with <c>If-Match</c> set to that ETag — all rows or none.
/// Export: the indicator table, the ASF register, and events and placements of a period, as .xlsx.
/// </summary>
internal static class SpreadsheetEndpoints
{
    /// <summary>The ETag of a preview: what <c>POST …/apply</c> takes in <c>If-Match</c>.</summary>
    public static string PreviewETag(string token) => $"\"import-{token}\"";

    public static IEndpointRouteBuilder MapSpreadsheetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owner = endpoints.MapOwnerGroup();
        var import = owner.MapGroup("/import/{kind}").WithTags("Import och export").RequireAuthorization(AccessPolicies.Record);

        import.MapGet("/template", async (string owner, string kind, string? insats, int? ar, ClaimsPrincipal user, ImportService imports) =>
            ImportKinds.Parse(kind) is { } k
                ? File(await imports.TemplateAsync(user, owner, k, insats, ar))
                : (IResult)ApiProblems.Validation("kind", ImportKinds.Unknown(kind)))
            .WithSummary("Mallen (.xlsx) för en insamling, ifylld med de rader kontot får rapportera: foretagsuppgifter (?ar=), placeringar, informationsinsatser (?insats=).");

        // Nothing is stored here, so a cross-site form could at most learn nothing (it cannot read the answer); the
        // confirmation needs If-Match, which a form cannot send. Hence no antiforgery token for this API upload.
        import.MapPost("/preview", async Task<IResult> (string owner, string kind, string? insats, int? ar, IFormFile? file, ClaimsPrincipal user,
                ImportService imports, HttpContext http) =>
            {
                if (ImportKinds.Parse(kind) is not { } k)
                    return ApiProblems.Validation("kind", ImportKinds.Unknown(kind));
                if (file is null)
                    return ApiProblems.Validation("file", "Bifoga arbetsboken (.xlsx) i fältet \"file\" (multipart/form-data).");
                try
                {
                    await using var stream = file.OpenReadStream();
                    var preview = await imports.PreviewAsync(user, owner, k, insats, ar, file.FileName, stream);
                    if (preview.Token is { } token)
                        http.Response.Headers[HeaderNames.ETag] = PreviewETag(token);
                    return TypedResults.Ok(preview);
                }
                catch (SpreadsheetRefusedException refused)
                {
                    return Refused(refused);
                }
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Förhandsgranskar en uppladdad arbetsbok: varje rad (ny, ändrad från → till, oförändrad) och varje fel med blad, cell och orsak. Ingenting sparas; svarets ETag bekräftar importen.");

        import.MapPost("/apply", async Task<IResult> (string owner, string kind, ClaimsPrincipal user, ImportService imports, HttpContext http) =>
            {
                if (ImportKinds.Parse(kind) is not { } k)
                    return ApiProblems.Validation("kind", ImportKinds.Unknown(kind));
                var ifMatch = http.Request.Headers[HeaderNames.IfMatch].ToString().Trim();
                if (ifMatch.Length == 0)
                    return TypedResults.Problem("Bekräfta importen med huvudet If-Match och den ETag som förhandsgranskningen gav.",
                        statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match saknas");
                var token = ifMatch.Trim('"');
                token = token.StartsWith("import-", StringComparison.Ordinal) ? token["import-".Length..] : "";
                try
                {
                    return TypedResults.Ok(await imports.ApplyAsync(user, owner, k, token));
                }
                catch (ImportStaleException stale)
                {
                    return TypedResults.Problem(stale.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "Förhandsgranskningen gäller inte längre");
                }
            })
            .WithSummary("Genomför en förhandsgranskad import (If-Match: förhandsgranskningens ETag): alla rader eller ingen, var och en loggad med filens namn.");

        var export = owner.MapGroup("/export").WithTags("Import och export");

        // The plan year is checked here, not by binding, so an unknown owner answers 404 before a missing year answers 400.
        export.MapGet("/indikatorer", async (string owner, int? plan, DateOnly? datum, string? insats, SpreadsheetExports exports) =>
                plan is { } year
                    ? File(await exports.IndicatorsAsync(owner, insats, year, datum))
                    : ApiProblems.Validation("plan", "Ange handlingsplanens år, t.ex. ?plan=2017."))
            .WithSummary("Handlingsplanens indikatorer per ett datum (.xlsx): utgångsvärde, mål, utfall och status.");

        export.MapGet("/asf-register", async (string owner, SpreadsheetExports exports) => File(await exports.RegisterAsync(owner)))
            .WithSummary("ASF-registret (.xlsx) med företagens senaste siffror.");

        export.MapGet("/handelser", async (string owner, DateOnly? fran, DateOnly? till, string? insats, SpreadsheetExports exports) =>
                File(await exports.EventsAndPlacementsAsync(owner, insats, fran, till)))
            .WithSummary("Aktiviteter och placeringar för en period (.xlsx), ett blad vardera.");

        return endpoints;
    }

    private static IResult File(SpreadsheetFile file) => TypedResults.File(file.Content, SpreadsheetFile.ContentType, file.FileName);

    /// <summary>A file refused whole: 400, each problem under its "Blad!Cell" (or "file" for the file itself).</summary>
    private static IResult Refused(SpreadsheetRefusedException refused) =>
        TypedResults.ValidationProblem(
            refused.Problems.GroupBy(p => p.Sheet.Length == 0 ? "file" : p.Cell.Length == 0 ? p.Sheet : $"{p.Sheet}!{p.Cell}")
                .ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
            title: "Filen avvisades", detail: refused.Message);
}
