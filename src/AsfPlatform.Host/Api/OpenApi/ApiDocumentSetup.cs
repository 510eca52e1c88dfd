using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AsfPlatform.Host.Api.OpenApi;

/// <summary>The OpenAPI 3.1 document at <c>/openapi/v1.json</c> and its browsable reference at <c>/api/referens</c>.</summary>
internal static class ApiDocumentSetup
{
    public const string ReferencePath = "/api/referens";

    public static IServiceCollection AddAsfOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The partners' API only: the operations dashboard and the health probe are the operators' business.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                ApiComponents.Ensure(document);
                document.Info.Title = "AsfPlatform API";
                document.Info.Description = ApiComponents.Description;
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<RequiredProperties>();
        });

    /// <summary>
    /// The reference page. Anonymous, like the document it shows: the contract holds no data, and a partner's
    /// developer reads it before having an account; every call made from it still needs a key.
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("AsfPlatform API – referens")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous()
            .ExcludeFromDescription()
            // The page runs Scalar's bundled script with an inline configuration and styles: the site-wide policy
            // (scripts and styles from files only) is loosened for this page alone.
            .Add(builder =>
            {
                var inner = builder.RequestDelegate!;
                builder.RequestDelegate = context =>
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.ContentSecurityPolicy =
                            "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
                            "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
                        return Task.CompletedTask;
                    });
                    return inner(context);
                };
            });
        return endpoints;
    }
}
