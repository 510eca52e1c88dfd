using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Backup;
using AsfPlatform.Host.Domain;

namespace AsfPlatform.Host.Api;

/// <summary>
/// An owner's backup over HTTP (docs/BACKUP.md), Förbundsadmin only: <c>GET /api/owners/{owner}/backup</c> answers the
/// zip; <c>POST /api/backup/restore</c> takes one as the body (<c>application/zip</c>, with <c>If-None-Match: *</c>: a
/// restore creates the owner; or with <c>?replace=true</c>, which replaces an owner's data with the backup's, all or
/// nothing).
/// </summary>
internal static class BackupEndpoints
{
    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOwnerGroup().WithTags("Säkerhetskopior")
            .MapGet("/backup", async (string owner, ClaimsPrincipal user, OwnerBackups backups, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var zip = new MemoryStream();
                await backups.WriteAsync(user, owner, zip, cancellationToken);
                return TypedResults.File(zip.ToArray(), "application/zip", OwnerBackups.FileName(owner, clock.GetUtcNow()));
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithSummary("Säkerhetskopia av organisationen: en versionerad zip-fil med JSON (docs/BACKUP.md)");

        endpoints.MapOwnerGroup("/api/backup").WithTags("Säkerhetskopior")
            .MapPost("/restore", async (HttpContext http, ClaimsPrincipal user, OwnerBackups backups, string? fileName, bool? replace,
                CancellationToken cancellationToken) =>
            {
                // Asking for the replace is the explicit consent to write over the owner; without it only a create is taken.
                if (replace != true && !Versioning.IsCreateOnly(http.Request))
                    return TypedResults.Problem("En återställning skapar organisationen och skickas med huvudet If-None-Match: * (den får inte redan finnas), " +
                        "eller med ?replace=true för att ersätta organisationens uppgifter.",
                        statusCode: StatusCodes.Status428PreconditionRequired, title: "If-None-Match saknas");
                try
                {
                    var result = await backups.RestoreAsync(user, http.Request.Body,
                        string.IsNullOrWhiteSpace(fileName) ? "uppladdad via API" : Path.GetFileName(fileName.Trim()), cancellationToken,
                        replace == true);
                    return result.Replaced
                        ? TypedResults.Ok(result)
                        : TypedResults.Created($"/api/owners/{Uri.EscapeDataString(result.OwnerId)}", result);
                }
                catch (BackupInvalidException invalid)
                {
                    return Invalid(invalid);
                }
                catch (BackupConflictException conflict) when (replace == true)
                {
                    return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "Kan inte ersättas");
                }
                catch (BackupConflictException conflict)
                {
                    return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status412PreconditionFailed, title: "Finns redan");
                }
                catch (BackupReplaceFailedException failed)
                {
                    return TypedResults.Problem(failed.Message, statusCode: failed.Undone ? StatusCodes.Status503ServiceUnavailable
                        : StatusCodes.Status500InternalServerError, title: "Ersättningen avbröts");
                }
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .Accepts<byte[]>("application/zip")
            .Produces<BackupRestoreResult>(StatusCodes.Status201Created)
            .Produces<BackupRestoreResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Återställer en organisation från en säkerhetskopia (If-None-Match: * skapar den; ?replace=true ersätter dess uppgifter, " +
                "allt eller inget; hela filen kontrolleras först, inget skrivs om något är fel)");

        return endpoints;
    }

    /// <summary>The field is the file inside the backup that is wrong ("events.json"), or "fil" for the upload itself.</summary>
    internal static IResult Invalid(BackupInvalidException invalid) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.File ?? "fil"] = [invalid.Message] },
            title: "Säkerhetskopian kan inte återställas", detail: $"{invalid.Message} Inget har ändrats.");
}
