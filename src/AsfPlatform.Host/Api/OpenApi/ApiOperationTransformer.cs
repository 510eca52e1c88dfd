using AsfPlatform.Access.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsfPlatform.Host.Api.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata: the security requirement (or <c>x-anonymous</c> when the
/// endpoint allows anonymous callers on purpose), the conditional headers of a write, the ETag header of a versioned
/// answer, every problem status it can answer (each a reference to the one response component of that status), a
/// request example and a Swedish description of who may call it and how.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    /// <summary>The extension that marks an operation anonymous on purpose.</summary>
    public const string Anonymous = "x-anonymous";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        ApiComponents.Ensure(document);
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var authorized = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var write = metadata.OfType<VersionedWrite>().LastOrDefault();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);
        var routeParameters = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path);
        var queryParameters = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query);

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        if (authorized)
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiComponents.Bearer, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiComponents.Cookie, document)] = [] },
            ];
        else
        {
            operation.Security = [];
            operation.Extensions[Anonymous] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(true));
        }

        operation.Parameters ??= [];
        if (write is not null)
            foreach (var header in Headers(write.Kind))
                operation.Parameters.Add(new OpenApiParameterReference(header, document));

        var statuses = new SortedSet<int>();
        if (isWrite || hasBody || queryParameters) statuses.Add(400);
        if (authorized) { statuses.Add(401); statuses.Add(403); }
        if (routeParameters) statuses.Add(404);
        if (hasBody) statuses.Add(415);
        if (write is not null) { statuses.Add(412); statuses.Add(428); }
        foreach (var also in metadata.OfType<AlsoAnswers>()) statuses.UnionWith(also.Statuses);
        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
            operation.Responses[status.ToString()] = new OpenApiResponseReference(ApiComponents.Problem(status), document);

        if (metadata.OfType<ETagResponse>().Any())
            foreach (var (code, response) in operation.Responses.Where(r => r.Key is "200" or "201"))
                if (response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers[ApiComponents.ETag] = new OpenApiHeaderReference(ApiComponents.ETag, document);
                }

        var bodyType = metadata.OfType<IAcceptsMetadata>().LastOrDefault()?.RequestType;
        if (bodyType is not null && ApiExamples.For(bodyType) is { } example && operation.RequestBody?.Content is { } content)
            foreach (var media in content.Values)
                media.Example = example;

        operation.Description = Describe(operation.Description, policies, anonymous, write,
            description.ParameterDescriptions.Any(p => p.Name == "reason"));
        return Task.CompletedTask;
    }

    private static string[] Headers(Precondition kind) => kind switch
    {
        Precondition.IfMatch => [ApiComponents.IfMatch],
        Precondition.IfNoneMatch => [ApiComponents.IfNoneMatch],
        _ => [ApiComponents.IfMatchOptional, ApiComponents.IfNoneMatchOptional],
    };

    private static string Describe(string? own, List<string> policies, bool anonymous, VersionedWrite? write, bool reason)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(own)) lines.Add(own.Trim());
        lines.Add(anonymous ? "**Behörighet:** ingen inloggning krävs (avsiktligt öppen)." : $"**Behörighet:** {Roles(policies)}.");
        if (write is not null)
            lines.Add(write.Kind switch
            {
                Precondition.IfMatch => $"**Version:** `If-Match` med {write.ETagOf} ETag (se *Versioner*).",
                Precondition.IfNoneMatch => "**Version:** `If-None-Match: *` – skapar ny; 412 om den redan finns (se *Versioner*).",
                _ => $"**Version:** `If-None-Match: *` skapar ny; `If-Match` med {write.ETagOf} ETag ändrar (se *Versioner*).",
            });
        if (reason)
            lines.Add("**Rättelse:** att ändra eller ta bort något som redan är registrerat kräver `reason` (3–500 tecken), som sparas i ändringsloggen.");
        return string.Join("\n\n", lines);
    }

    private static string Roles(List<string> policies) => policies switch
    {
        _ when policies.Contains(AccessPolicies.Admin) => "förbundsadmin",
        _ when policies.Contains(AccessPolicies.Record) => "förbundsadmin och partnerkontor (partnerkontor för sina egna kommuner)",
        _ when policies.Contains(AccessPolicies.Reports) => "förbundsadmin, styrelse och partnerkontor",
        _ => "alla inloggade roller (förbundsadmin, partnerkontor, styrelse, läsare); ett konto bundet till en organisation ser bara den",
    };
}
