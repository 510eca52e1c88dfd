using AsfPlatform.Access.Authentication;
using AsfPlatform.Host.Domain;
using AsfPlatform.Reporting;

using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>A report plugin as the API lists it.</summary>
public sealed record ReportInfoDto(string Id, string Title, string Description, IReadOnlyList<ReportParameterDto> Parameters);

/// <summary>A parameter a report asks for.</summary>
public sealed record ReportParameterDto(string Kind, string Label, bool Required, string? Hint);

/// <summary>The report list with whether PDF is available here.</summary>
public sealed record ReportListDto(IReadOnlyList<ReportInfoDto> Reports, bool PdfAvailable);

/// <summary>Body of <c>POST /api/reports/{id}</c>.</summary>
public sealed record ReportRequest(string? Owner, string? Insats, int? Year, string? Municipality, DateOnly? AsOfDate)
{
    /// <summary>The plugin arguments.</summary>
    public ReportArguments ToArguments() => new(Owner, Insats, Year, Municipality, AsOfDate);
}

/// <summary><c>GET /api/reports</c> and <c>POST /api/reports/{id}</c> (.docx, or PDF with <c>?format=pdf</c>).</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/api/reports").WithTags("Rapporter");

        reports.MapGet("/", (ReportDownloads downloads) => TypedResults.Ok(new ReportListDto(
                downloads.Reports.Select(r => new ReportInfoDto(r.Id, r.Title, r.Description,
                    r.Parameters.Select(p => new ReportParameterDto(p.Kind.ToString(), p.Label, p.Required, p.Hint)).ToList())).ToList(),
                downloads.PdfAvailable)))
            .WithSummary("Rapporterna som kan skapas, med parametrar, och om PDF finns här")
            .RequireAuthorization(AccessPolicies.Read);

        reports.MapPost("/{reportId}", async Task<IResult> (string reportId, ReportRequest? request, string? format, ReportDownloads downloads,
                DomainReader reader, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            {
                var asPdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
                if (format is not null && !asPdf && !string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase))
                    return ApiProblems.Validation("format", $"\"{format}\" stöds inte; använd docx eller pdf.");
                var arguments = (request ?? new ReportRequest(null, null, null, null, null)).ToArguments();
                try
                {
                    ReportAccess.Check(user, downloads.Reports.FirstOrDefault(r => r.Id == reportId), arguments);
                }
                catch (ScopeForbiddenException exception)
                {
                    return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
                }
                if (await ReportSubjects.CheckAsync(arguments, reader) is { } refused)
                    return refused;
                try
                {
                    var file = await downloads.CreateAsync(reportId, arguments, asPdf, ct);
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                }
                catch (ReportNotFoundException exception)
                {
                    return ApiProblems.NotFound(exception.Message);
                }
                catch (ReportParameterException exception)
                {
                    return ApiProblems.Validation(ReportSubjects.PropertyOf(exception.Parameter), exception.Message);
                }
                catch (PdfUnavailableException exception)
                {
                    return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF kan inte skapas");
                }
            })
            .WithSummary("Skapar en rapport som Word-dokument (eller PDF med format=pdf)")
            .WithDescription("Svaret är filen. Rapporter för en kommun kan skapas av partnerkontoret för sina egna kommuner.")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .AlsoAnswers(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(AccessPolicies.Reports);
        return endpoints;
    }
}
