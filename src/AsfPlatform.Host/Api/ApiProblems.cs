using AsfPlatform.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AsfPlatform.Host.Api;

/// <summary>Swedish ProblemDetails answers that name the field and the reason.</summary>
internal static class ApiProblems
{
    public const string ValidationTitle = "Uppgifterna kunde inte sparas";

    public static ValidationProblem Validation(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] }, title: ValidationTitle,
            detail: $"{field}: {reason}");

    public static ValidationProblem Validation(AccessValidationException exception) => Validation(exception.Field, exception.Message);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Konflikt");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Finns inte");

    /// <summary>503 with <c>Retry-After</c>: a silo of the cluster did not answer (<see cref="Cluster.ClusterUnavailable"/>).</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response)
    {
        Cluster.ClusterUnavailable.SetRetryAfter(response);
        return TypedResults.Problem(Cluster.ClusterUnavailable.Detail, statusCode: StatusCodes.Status503ServiceUnavailable,
            title: Cluster.ClusterUnavailable.Title);
    }
}
