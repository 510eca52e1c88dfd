using AsfPlatform.Access.Authentication;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Agare;

/// <summary>The fields of the new-organisation form.</summary>
public sealed class NewOwnerInput
{
    public string? Name { get; set; }
    public string? Id { get; set; }
    public OwnerKind Kind { get; set; } = OwnerKind.Samordningsforbund;
    public string? OrganisationNumber { get; set; }
    /// <summary>Subregion names, one per line (ids are derived from them).</summary>
    public string? Subregions { get; set; }
}

/// <summary>Creates an owner: the first step for an association that sets itself up from an empty database.</summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class NyModel(DomainWriter writer) : DomainFormPage
{
    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => OwnerFields.Map;

    [BindProperty]
    public NewOwnerInput Input { get; set; } = new();

    // An account bound to one owner administers that owner only (the writer refuses too; this spares the form).
    public IActionResult OnGet() => User.GetOwner() is null ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.GetOwner() is not null)
            return Forbid();
        if (BindingFailed())
            return Page();
        var subregions = (Input.Subregions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => new Subregion(OwnerRules.IdFrom(name), name)).ToList();
        var profile = new OwnerProfile(Input.Name ?? "", Input.Kind, Blank(Input.OrganisationNumber), subregions, DefaultPartners(Input.Kind));
        Contracts.OwnerSnapshot? created = null;
        if (await TryChangeAsync(async () => created = await writer.CreateOwnerAsync(User, Blank(Input.Id), profile)))
        {
            TempData["Saved"] = $"{created!.Name} är upplagd. Lägg nu till kommunerna och samverkansparterna.";
            return Redirect($"/agare/{created.Id}");
        }
        return Page();
    }

    // Every samordningsförbund has Arbetsförmedlingen and Försäkringskassan as members (lagen om finansiell samordning).
    private static IReadOnlyList<PartnerOrganisation> DefaultPartners(OwnerKind kind) => kind == OwnerKind.Samordningsforbund
        ? [new(PartnerKind.AF, "af", "Arbetsförmedlingen"), new(PartnerKind.FK, "fk", "Försäkringskassan")]
        : [];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
