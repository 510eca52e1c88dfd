using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsfPlatform.Host.Api.OpenApi;

/// <summary>
/// A schema's <c>required</c> list is what the API enforces when it reads a body (<see cref="Json.ApiJson"/>), not
/// every constructor parameter: an id left out is made from the name, a list left out is empty.
/// </summary>
internal sealed class RequiredProperties : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        if (type.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema.Properties is not null)
            schema.Required = type.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();
        return Task.CompletedTask;
    }
}
