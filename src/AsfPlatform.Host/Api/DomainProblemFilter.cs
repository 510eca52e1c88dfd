using AsfPlatform.Host.Cluster;

namespace AsfPlatform.Host.Api;

/// <summary>
/// Maps the grains' exceptions to Swedish ProblemDetails: 400 naming each field, 412, 404, and 503 with
/// <c>Retry-After</c> when a silo of the cluster is gone or unreachable (<see cref="ClusterUnavailable"/>). A read
/// whose grain call was refused is tried once more first; a write is never repeated here, since the first attempt
/// may have been applied before its silo died.
/// </summary>
internal sealed class DomainProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await MapDomainProblemsAsync(context, next);
        }
        catch (Exception exception) when (ClusterUnavailable.IsWorthRetrying(exception) && IsRead(http.Request))
        {
            try
            {
                return await MapDomainProblemsAsync(context, next);
            }
            catch (Exception again) when (ClusterUnavailable.IsTransient(again))
            {
                return ApiProblems.Unavailable(http.Response);
            }
        }
        catch (Exception exception) when (ClusterUnavailable.IsTransient(exception))
        {
            return ApiProblems.Unavailable(http.Response);
        }
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static async ValueTask<object?> MapDomainProblemsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (DomainProblems.IsDomain(exception))
        {
            return DomainProblems.For(exception, context.HttpContext.Response);
        }
    }
}
