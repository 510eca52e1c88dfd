using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Host.Api;

/// <summary>Maps the grains' exceptions to Swedish ProblemDetails: 400 naming each field, 412, 404.</summary>
internal sealed class DomainProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationException exception)
        {
            return TypedResults.ValidationProblem(
                exception.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: ApiProblems.ValidationTitle, detail: exception.Message);
        }
        catch (ConcurrencyConflictException exception)
        {
            context.HttpContext.Response.Headers.ETag = Versioning.ETag(exception.CurrentVersion);
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status412PreconditionFailed,
                title: "Någon annan hann före");
        }
        catch (AlreadyExistsException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status412PreconditionFailed,
                title: "Finns redan");
        }
        catch (AsfPlatform.Host.Domain.ScopeForbiddenException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
        }
        catch (NotFoundException exception)
        {
            return ApiProblems.NotFound(exception.Message);
        }
    }
}
