using System.Security.Claims;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;

using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>A new owner as the API takes it: <c>id</c> may be left out (derived from the name).</summary>
public sealed record NewOwnerRequest(string? Id, string? Name, OwnerKind Kind, string? OrganisationNumber,
    IReadOnlyList<Subregion>? Subregions, IReadOnlyList<PartnerOrganisation>? Partners)
{
    internal OwnerProfile Profile => new(Name ?? "", Kind, OrganisationNumber, Subregions ?? [], Partners ?? []);
}

/// <summary>An owner's profile as the API takes it (the whole profile replaces the stored one).</summary>
public sealed record OwnerRequest(string? Name, OwnerKind Kind, string? OrganisationNumber,
    IReadOnlyList<Subregion>? Subregions, IReadOnlyList<PartnerOrganisation>? Partners)
{
    internal OwnerProfile Profile => new(Name ?? "", Kind, OrganisationNumber, Subregions ?? [], Partners ?? []);
}

/// <summary>Where a municipality of the owner belongs: one of the owner's subregion ids.</summary>
public sealed record MunicipalityPlacement(string? Subregion);

/// <summary>
/// Owners over HTTP: the list of all owners, creating one (<c>If-None-Match: *</c>), changing its profile (If-Match),
/// and adding or moving its municipalities. Reading one owner is <c>GET /api/owners/{owner}</c> in
/// <see cref="DomainEndpoints"/>.
/// </summary>
internal static class OwnerEndpoints
{
    public static IEndpointRouteBuilder MapOwnerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var owners = endpoints.MapOwnerGroup("/api/owners")
            .WithTags("Organisationer");

        owners.MapGet("/", async (KnownOwners known, ClaimsPrincipal user) =>
                TypedResults.Ok((await known.OwnersAsync()).Where(o => user.CanAccessOwner(o.Id)).ToList()))
            .WithSummary("Organisationerna (ägarna) i installationen som kontot får se");

        owners.MapPost("/", (NewOwnerRequest request, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
                Versioning.IsCreateOnly(http.Request)
                    ? EndpointWrites.CreateAsync(http, () => writer.CreateOwnerAsync(user, request.Id, NamedProfile(request)))
                    : Task.FromResult(CreateOnlyRequired()))
            .RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Lägger upp en ny organisation (kräver If-None-Match: *)")
            .WithDescription("Utan id skapas ett av namnet. Kommuner läggs till efteråt, en i taget, ur SCB:s lista.")
            .Creates<AsfPlatform.Contracts.OwnerSnapshot>();

        owners.MapPut("/{owner}", (string owner, OwnerRequest request, ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
                EndpointWrites.ChangeAsync(http, ResourcePaths.Owner(owner), v => writer.SaveOwnerAsync(user, owner, request.Profile, v)))
            .RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Ändrar organisationens namn, typ, organisationsnummer, delregioner och samverkansparter")
            .WithDescription("Hela profilen ersätter den sparade: läs organisationen, ändra och skicka tillbaka alla fält.")
            .Changes<AsfPlatform.Contracts.OwnerSnapshot>("organisationens");

        owners.MapPut("/{owner}/municipalities/{kommunkod}", (string owner, string kommunkod, MunicipalityPlacement placement,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
                Versioning.IsCreateOnly(http.Request)
                    ? EndpointWrites.CreateAsync(http, () => writer.PlaceMunicipalityAsync(user, owner, kommunkod, placement.Subregion, null))
                    : EndpointWrites.ChangeAsync(http, ResourcePaths.Municipality(owner, kommunkod),
                        v => writer.PlaceMunicipalityAsync(user, owner, kommunkod, placement.Subregion, v)))
            .RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Lägger till en kommun ur SCB:s lista (If-None-Match: *) eller flyttar den till en annan delregion (If-Match)")
            .CreatesOrChanges<AsfPlatform.Contracts.MunicipalitySnapshot>("kommunens");

        owners.MapDelete("/{owner}/municipalities/{kommunkod}", (string owner, string kommunkod, string? reason,
                ClaimsPrincipal user, DomainWriter writer, HttpContext http) =>
                EndpointWrites.ChangeAsync(http, ResourcePaths.Municipality(owner, kommunkod),
                    v => writer.RemoveMunicipalityAsync(user, owner, kommunkod, v, reason)))
            .Changes<AsfPlatform.Contracts.MunicipalitySnapshot>("kommunens")
            .RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Tar bort en kommun ur organisationen (If-Match: kommunens ETag; anledningen som frågeparametern reason). " +
                "Nekas så länge organisationen har företag, informationsinsatser eller placeringar i kommunen; kommunens egna uppgifter finns kvar.");

        return endpoints;
    }

    // Without an id the id is made from the name: a missing or invisible name is then the name's fault, not the id's.
    private static AsfPlatform.Domain.Model.OwnerProfile NamedProfile(NewOwnerRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Id))
            new AsfPlatform.Domain.Validation.Validator().Text("name", request.Name, required: true).ThrowIfInvalid();
        return request.Profile;
    }

    private static IResult CreateOnlyRequired() =>
        TypedResults.Problem("En ny organisation läggs upp med huvudet If-None-Match: * (den får inte redan finnas).",
            statusCode: StatusCodes.Status428PreconditionRequired, title: "If-None-Match saknas");
}
