using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Orleans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the municipal milestone form.</summary>
public sealed class MilestoneInput
{
    /// <summary>Set when the form corrects a recorded milestone.</summary>
    public string? Id { get; set; }
    public MunicipalMilestoneKind Kind { get; set; } = MunicipalMilestoneKind.PolicyAdopted;
    public DateOnly? Date { get; set; }
    public string? Title { get; set; }
    public string? DecidingBody { get; set; }
    public string? Note { get; set; }
}

/// <summary>Adds a milestone to a municipality (policy adopted, support structure joined, ...).</summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class MunicipalMilestoneModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["typ"] = ("typ", "Typ av milstolpe"), ["Kind"] = ("typ", "Typ av milstolpe"), ["Date"] = ("datum", "Datum"),
        ["titel"] = ("titel", "Titel"), ["Title"] = ("titel", "Titel"),
        ["beslutandeOrgan"] = ("beslutande-organ", "Beslutande organ"), ["DecidingBody"] = ("beslutande-organ", "Beslutande organ"),
        ["anteckning"] = ("anteckning", "Anteckning"), ["Note"] = ("anteckning", "Anteckning"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public MilestoneInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public MunicipalitySnapshot Municipality { get; private set; } = null!;

    /// <summary>Whether the form corrects a recorded milestone (then a reason is required).</summary>
    public bool Editing => !string.IsNullOrEmpty(Input.Id);

    public async Task<IActionResult> OnGetAsync(string owner, string kommunkod, string? id)
    {
        if (!await LoadAsync(owner, kommunkod))
            return NotFound();
        if (!User.CanEditMunicipality(kommunkod))
            return Forbid();
        Version = Municipality.Version;
        if (id is not null)
        {
            if (Municipality.Milestones.FirstOrDefault(m => m.Id == id) is not { } m)
                return NotFound();
            Input = new MilestoneInput { Id = m.Id, Kind = m.Kind, Date = m.Date, Title = m.Title, DecidingBody = m.DecidingBody, Note = m.Note };
        }
        else
            Input.Date = DateOnly.FromDateTime(DateTime.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string kommunkod)
    {
        if (!await LoadAsync(owner, kommunkod))
            return NotFound();
        if (BindingFailed())
            return Page();
        if (Input.Date is null)
        {
            Errors.Add("datum", "Datum", "Ange datum.");
            return Page();
        }
        var milestone = new MunicipalMilestone(Editing ? Input.Id! : $"m-{Guid.NewGuid():N}"[..14], Input.Kind, Input.Date.Value, Input.Title ?? "",
            string.IsNullOrWhiteSpace(Input.DecidingBody) ? null : Input.DecidingBody, string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note);
        if (await TryChangeAsync(() => writer.RecordMunicipalMilestoneAsync(User, owner, kommunkod, milestone, Version, Reason)))
        {
            TempData["Saved"] = $"Milstolpen \"{milestone.Title}\" är {(Editing ? "ändrad" : "registrerad")}.";
            return Redirect($"/kommun/{owner}/{kommunkod}/milstolpe");
        }
        if (Conflict)
            ShowVersion(Municipality.Version);
        return Page();
    }

    private async Task<bool> LoadAsync(string owner, string kommunkod)
    {
        Owner = owner;
        Municipality = await reader.MunicipalityAsync(owner, kommunkod);
        Saved = TempData["Saved"] as string;
        return Municipality.Exists;
    }
}
