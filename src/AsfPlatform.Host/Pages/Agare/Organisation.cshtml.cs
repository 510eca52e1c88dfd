using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using KommunLista = AsfPlatform.Domain.Model.Kommunkod;

namespace AsfPlatform.Host.Pages.Agare;

/// <summary>
/// One owner: its name, kind and organisation number; its subregions (add, rename); its partner organisations; and
/// its municipalities, chosen from SCB's list and placed in (or moved between) its subregions. Each form saves one
/// part; the owner's version travels in <see cref="DomainFormPage.Version"/>, each municipality's in its own row.
/// </summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class OrganisationModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => OwnerFields.Map;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public OwnerKind Kind { get; set; }
    [BindProperty] public string? OrganisationNumber { get; set; }
    /// <summary>The subregions' new names, by id (rename).</summary>
    [BindProperty] public Dictionary<string, string>? SubregionNames { get; set; }
    [BindProperty] public string? NewSubregion { get; set; }
    [BindProperty] public PartnerKind PartnerKind { get; set; } = PartnerKind.AF;
    [BindProperty] public string? PartnerName { get; set; }
    [BindProperty] public string? PartnerId { get; set; }
    [BindProperty] public string? Kommunkod { get; set; }
    [BindProperty] public string? Subregion { get; set; }
    [BindProperty] public long MunicipalityVersion { get; set; }

    public OwnerSnapshot Owner { get; private set; } = null!;
    public IReadOnlyList<MunicipalitySnapshot> OwnMunicipalities { get; private set; } = [];

    /// <summary>SCB's municipalities the owner does not have yet, by county.</summary>
    public IEnumerable<IGrouping<string, SwedishMunicipality>> Addable =>
        KommunLista.All.Where(m => !Owner.Municipalities.Contains(m.Kommunkod)).GroupBy(m => m.CountyName);

    public async Task<IActionResult> OnGetAsync(string owner)
    {
        if (!await LoadAsync(owner))
            return NotFound();
        Version = Owner.Version;
        (Name, Kind, OrganisationNumber) = (Owner.Name, Owner.Kind ?? OwnerKind.Samordningsforbund, Owner.OrganisationNumber);
        return Page();
    }

    public Task<IActionResult> OnPostUppgifterAsync(string owner) => SaveProfileAsync(owner, "Uppgifterna är sparade.",
        p => p with { Name = Name ?? "", Kind = Kind, OrganisationNumber = string.IsNullOrWhiteSpace(OrganisationNumber) ? null : OrganisationNumber });

    public Task<IActionResult> OnPostDelregionerAsync(string owner) => SaveProfileAsync(owner, "Delregionerna är sparade.", p =>
    {
        var renamed = p.Subregions.Select(s => s with { Name = SubregionNames?.GetValueOrDefault(s.Id)?.Trim() ?? s.Name }).ToList();
        if (!string.IsNullOrWhiteSpace(NewSubregion))
            renamed.Add(new(OwnerRules.IdFrom(NewSubregion), NewSubregion.Trim()));
        return p with { Subregions = renamed };
    });

    public Task<IActionResult> OnPostPartAsync(string owner)
    {
        var name = string.IsNullOrWhiteSpace(PartnerName) ? SwedishNames.Of(PartnerKind) : PartnerName.Trim();
        var id = PartnerKind switch { PartnerKind.AF => "af", PartnerKind.FK => "fk", _ => OwnerRules.IdFrom(name) };
        return SaveProfileAsync(owner, $"{name} är tillagd som samverkanspart.",
            p => p with { Partners = [.. p.Partners, new PartnerOrganisation(PartnerKind, id, name)] });
    }

    public Task<IActionResult> OnPostTaBortPartAsync(string owner) => SaveProfileAsync(owner, "Samverkansparten är borttagen.",
        p => p with { Partners = p.Partners.Where(x => x.Id != PartnerId).ToList() });

    public async Task<IActionResult> OnPostKommunAsync(string owner)
    {
        if (!await LoadAsync(owner))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Kommunkod))
        {
            Errors.Add("kommun", "Kommun", "Välj en kommun i listan.");
            return Page();
        }
        if (await TryChangeAsync(() => writer.PlaceMunicipalityAsync(User, owner, Kommunkod, Subregion, expected: null)))
            return SavedRedirect(owner, $"{KommunLista.NameOf(Kommunkod)} är tillagd.");
        return Page();
    }

    public async Task<IActionResult> OnPostFlyttaAsync(string owner)
    {
        if (!await LoadAsync(owner))
            return NotFound();
        if (await TryChangeAsync(() => writer.PlaceMunicipalityAsync(User, owner, Kommunkod ?? "", Subregion, MunicipalityVersion)))
            return SavedRedirect(owner, $"{KommunLista.NameOf(Kommunkod)} är flyttad till {Owner.SubregionName(Subregion ?? "")}.");
        return Page();
    }

    private async Task<IActionResult> SaveProfileAsync(string owner, string message, Func<OwnerProfile, OwnerProfile> change)
    {
        if (!await LoadAsync(owner))
            return NotFound();
        var current = new OwnerProfile(Owner.Name!, Owner.Kind ?? OwnerKind.Samordningsforbund, Owner.OrganisationNumber,
            Owner.Subregions ?? [], Owner.Partners ?? []);
        if (await TryChangeAsync(() => writer.SaveOwnerAsync(User, owner, change(current), Version)))
            return SavedRedirect(owner, message);
        if (Conflict)
            ShowVersion(Owner.Version);
        return Page();
    }

    private RedirectResult SavedRedirect(string owner, string message)
    {
        TempData["Saved"] = message;
        return Redirect($"/agare/{owner}");
    }

    private async Task<bool> LoadAsync(string owner)
    {
        Owner = await reader.OwnerAsync(owner);
        if (!Owner.Exists)
            return false;
        OwnMunicipalities = (await reader.MunicipalitiesAsync(owner)).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        Saved = TempData["Saved"] as string;
        return true;
    }
}
