using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;

namespace AsfPlatform.Host.Api;

/// <summary>
/// The one translation from a domain exception to the Swedish ProblemDetails the API answers with: 400 naming each
/// field, 412 for a stale or taken version, 403 outside the caller's scope, 404 for what does not exist. Used by the
/// endpoint filter (so an endpoint's typed results stay in its OpenAPI description) and by the exception handler (for
/// whatever else throws them).
/// </summary>
internal static class DomainProblems
{
    /// <summary>Whether <paramref name="exception"/> is one of the domain's refusals (not an unexpected error).</summary>
    public static bool IsDomain(Exception exception) => exception is ValidationException or ConcurrencyConflictException
        or AlreadyExistsException or ScopeForbiddenException or NotFoundException;

    /// <summary>The answer for <paramref name="exception"/>, or null when it is not a domain exception.</summary>
    public static IResult? For(Exception exception, HttpResponse response) => exception switch
    {
        ValidationException validation => Invalid(validation, response),
        ConcurrencyConflictException conflict => Stale(conflict, response),
        AlreadyExistsException exists => TypedResults.Problem(exists.Message, statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Finns redan"),
        ScopeForbiddenException forbidden => TypedResults.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden,
            title: "Ingen behörighet"),
        NotFoundException notFound => ApiProblems.NotFound(notFound.Message),
        _ => null,
    };

    // Keyed by the request's property path (the domain names its fields in Swedish for the pages).
    private static IResult Invalid(ValidationException validation, HttpResponse response)
    {
        var body = response.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var errors = validation.Errors.Select(e => (Field: Json.ApiFieldNames.Translate(e.Field, body), e.Message)).ToList();
        // The detail repeats the errors in the same words as their keys, so it never names a field the request did not send.
        return TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: ApiProblems.ValidationTitle,
            detail: "Ogiltiga uppgifter: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    // The detail names whose version was expected, since an insats, its plans and each of its events have their own.
    // An If-Match of another resource is refused by the same version check (Versioning.ForeignVersion), and says so.
    private static IResult Stale(ConcurrencyConflictException conflict, HttpResponse response)
    {
        var resource = Versioning.CheckedResource(response.HttpContext);
        var current = resource is null ? null : Versioning.ETag(resource, conflict.CurrentVersion);
        if (current is not null)
            response.Headers.ETag = current;
        var sent = response.HttpContext.Request.Headers.IfMatch.ToString().Trim();
        var foreign = conflict.ExpectedVersion == Versioning.ForeignVersion;
        return TypedResults.Problem(VersionedResources.StaleDetail(conflict.Key, sent, foreign, conflict.CurrentVersion, current),
            statusCode: StatusCodes.Status412PreconditionFailed, title: foreign ? "Fel version" : "Någon annan hann före");
    }
}
