using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Host.Domain;

// Owners (the organisations that use the platform): creating one, editing its profile (name, kind, organisation
// number, subregions, partner organisations), and placing its municipalities in its subregions. All of it is the
// association administrator's work.
public sealed partial class DomainWriter
{
    /// <summary>Audit entity type of owners.</summary>
    public const string OwnerEntity = "organisation";

    /// <summary>
    /// Creates an owner. <paramref name="id"/> null or blank: derived from the name (see <see cref="OwnerRules.IdFrom"/>).
    /// Refuses an id already registered (<see cref="AlreadyExistsException"/>) and an invalid profile.
    /// </summary>
    public async Task<OwnerSnapshot> CreateOwnerAsync(ClaimsPrincipal user, string? id, OwnerProfile profile)
    {
        RequireOwnerAdmin(user);
        // A Förbundsadmin bound to an owner administers that owner only; new owners are set up by an installation-wide one.
        if (user.GetOwner() is { } bound)
            throw new ScopeForbiddenException($"Ditt konto hör till organisationen {bound} och får inte lägga upp nya organisationer.");
        id = string.IsNullOrWhiteSpace(id) ? OwnerRules.IdFrom(profile.Name) : id.Trim();
        // The id becomes a grain key and a URL segment: check it here, before any grain is addressed by it.
        new Validator().Id("id", id).ThrowIfInvalid();
        var key = GrainKeys.Owner(id);
        return await grains.GetGrain<IOwnerDirectoryGrain>(key).SaveProfile(new SaveOwnerProfile(profile, CreateOnly: true,
            Audit: Note(user, OwnerEntity, key, "organisation skapad", null, Trimmed(profile))));
    }

    /// <summary>
    /// Replaces an owner's profile. A subregion still holding municipalities cannot be removed (move them first).
    /// </summary>
    public async Task<OwnerSnapshot> SaveOwnerAsync(ClaimsPrincipal user, string owner, OwnerProfile profile, long expected)
    {
        RequireOwnerAdmin(user);
        var (key, grain, before) = await RequireOwnerAsync(owner);
        var kept = (profile.Subregions ?? []).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var stranded = (await grain.GetMunicipalities()).Where(m => m.Subregion is { } s && !kept.Contains(s)).ToList();
        if (stranded.Count > 0)
            throw ValidationException.For("subregions",
                $"Delregionen '{before.SubregionName(stranded[0].Subregion!)}' har kommuner ({string.Join(", ", stranded.Select(m => m.Name))}); flytta dem innan delregionen tas bort.");
        return await grain.SaveProfile(new SaveOwnerProfile(profile, expected,
            Audit: Note(user, OwnerEntity, key, "organisationen ändrad", ProfileOf(before), Trimmed(profile))));
    }

    /// <summary>
    /// The owner stops working with a municipality. Refused while anything of the owner is recorded there (companies,
    /// information events, placements): those would lose their place. The municipality's own facts stay, for the
    /// other owners and for the day it is added again.
    /// </summary>
    public async Task<MunicipalitySnapshot> RemoveMunicipalityAsync(ClaimsPrincipal user, string owner, string kommunkod,
        long expected, string? reason)
    {
        reason = RequireReason(reason);
        RequireOwnerAdmin(user);
        var (_, ownerGrain, ownerSnapshot) = await RequireOwnerAsync(owner);
        var key = GrainKeys.Municipality(owner, kommunkod);
        var grain = grains.GetGrain<IMunicipalityGrain>(key);
        var before = await grain.GetSnapshot();
        if (!before.Exists)
            throw new NotFoundException($"Kommunen {kommunkod} hos {ownerSnapshot.Name}");
        var inUse = await RecordedInAsync(ownerGrain, ownerSnapshot, kommunkod);
        if (inUse.Count > 0)
            throw ValidationException.For("kommunkod",
                $"{before.Name} har {string.Join(" och ", inUse)} registrerade hos {ownerSnapshot.Name}; flytta eller ta bort dem först.");
        return await grain.Remove(expected,
            Note(user, Municipality, key, "kommunen borttagen ur organisationen", new { before.Name, before.Subregion }, null, reason));
    }

    /// <summary>What the owner has recorded in a municipality, in words ("2 ASF-företag", "1 placering").</summary>
    private async Task<List<string>> RecordedInAsync(IOwnerDirectoryGrain owner, OwnerSnapshot snapshot, string kommunkod)
    {
        var companies = (await owner.GetCompanies()).Count(c => c.Kommunkod == kommunkod);
        var (events, placements) = (0, 0);
        foreach (var insatsId in snapshot.Insatser)
        {
            var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(snapshot.Id, insatsId));
            placements += (await insats.GetPlacements()).Count(p => p.Kommunkod == kommunkod);
            events += (await insats.GetEvents(new DateOnly(1990, 1, 1), new DateOnly(2100, 12, 31))).Count(e => e.Kommunkod == kommunkod);
        }
        var said = new List<string>();
        if (companies > 0) said.Add(AsfPlatform.Reporting.SwedishText.Count(companies, "ASF-företag", "ASF-företag"));
        if (events > 0) said.Add(AsfPlatform.Reporting.SwedishText.Count(events, "informationsinsats", "informationsinsatser"));
        if (placements > 0) said.Add(AsfPlatform.Reporting.SwedishText.Count(placements, "placering", "placeringar"));
        return said;
    }

    /// <summary>
    /// Adds a municipality of SCB's list to the owner (<paramref name="expected"/> null: create only, refused when the
    /// owner has it already) or moves it to another subregion (<paramref name="expected"/>: the municipality's version).
    /// The subregion must be one of the owner's; an owner with subregions places every municipality in one.
    /// </summary>
    public async Task<MunicipalitySnapshot> PlaceMunicipalityAsync(ClaimsPrincipal user, string owner, string kommunkod, string? subregion,
        long? expected)
    {
        RequireOwnerAdmin(user);
        var (_, _, ownerSnapshot) = await RequireOwnerAsync(owner);
        new Validator().Kommunkod("kommunkod", kommunkod).ThrowIfInvalid();
        subregion = string.IsNullOrWhiteSpace(subregion) ? null : subregion.Trim();
        var subregions = ownerSnapshot.Subregions ?? [];
        if (subregion is null && subregions.Count > 0)
            throw ValidationException.For("subregion", $"Välj en av organisationens delregioner ({string.Join(", ", subregions.Select(s => s.Name))}).");
        if (subregion is not null && subregions.All(s => s.Id != subregion))
            throw ValidationException.For("subregion", $"Delregionen '{subregion}' finns inte hos {ownerSnapshot.Name}.");

        var key = GrainKeys.Municipality(owner, kommunkod);
        var grain = grains.GetGrain<IMunicipalityGrain>(key);
        var before = await grain.GetSnapshot();
        if (expected is null && before.Exists)
            throw new AlreadyExistsException($"Kommunen {before.Name} ({kommunkod}) hos {ownerSnapshot.Name}");
        if (expected is not null && !before.Exists)
            throw new NotFoundException($"Kommunen {kommunkod} hos {ownerSnapshot.Name}");
        // A create expects version 0: two admins adding the same municipality at once cannot both succeed.
        var name = Kommunkod.NameOf(kommunkod)!;
        return await grain.Register(new RegisterMunicipality(name, subregion, expected ?? 0,
            Note(user, Municipality, key, before.Exists ? "kommunen flyttad till en annan delregion" : "kommunen tillagd i organisationen",
                before.Exists ? new { before.Name, before.Subregion } : null, new { Name = name, Subregion = subregion })));
    }

    private async Task<(string Key, IOwnerDirectoryGrain Grain, OwnerSnapshot Snapshot)> RequireOwnerAsync(string owner)
    {
        var key = GrainKeys.Owner(owner);
        var grain = grains.GetGrain<IOwnerDirectoryGrain>(key);
        var snapshot = await grain.GetSnapshot();
        if (!snapshot.Exists)
            throw new NotFoundException($"Organisationen {owner}");
        return (key, grain, snapshot);
    }

    // The profile as the grain stores it (names and numbers trimmed, lists never null), for the audit's after.
    private static OwnerProfile Trimmed(OwnerProfile p) => p with
    {
        Name = p.Name?.Trim() ?? "",
        OrganisationNumber = string.IsNullOrWhiteSpace(p.OrganisationNumber) ? null : p.OrganisationNumber.Trim(),
        Subregions = p.Subregions ?? [],
        Partners = p.Partners ?? [],
    };

    private static OwnerProfile ProfileOf(OwnerSnapshot s) =>
        new(s.Name ?? "", s.Kind ?? OwnerKind.Samordningsforbund, s.OrganisationNumber, s.Subregions ?? [], s.Partners ?? []);

    private static void RequireOwnerAdmin(ClaimsPrincipal user)
    {
        if (user.GetRole() != AccessRole.Förbundsadmin)
            throw new ScopeForbiddenException("Bara förbundsadmin får lägga upp och ändra organisationer, delregioner och kommuner.");
    }
}
