namespace AsfPlatform.Domain.Model;

/// <summary>
/// An organisation the owner works with. Municipalities are listed by kommunkod (<see cref="Id"/>); the others
/// (Arbetsförmedlingen, Försäkringskassan, the region, any other) by an id the owner gives them.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.PartnerOrganisation")]
public sealed record PartnerOrganisation(PartnerKind Kind, string Id, string Name);

/// <summary>
/// What an owner's administrator edits about the owner itself: its name, kind, organisation number, subregions and
/// the partner organisations other than its municipalities (those are added from the official list one by one).
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.OwnerProfile")]
public sealed record OwnerProfile(
    string Name,
    OwnerKind Kind,
    string? OrganisationNumber,
    IReadOnlyList<Subregion> Subregions,
    IReadOnlyList<PartnerOrganisation> Partners);
