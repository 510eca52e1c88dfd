using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>
/// Edits everything in a yearly plan: sections, process goals, the activity plan (add, edit, remove, reorder),
/// indicators (kind, source, baseline, target, milestones), budget lines and organisation roles.
/// </summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class EditPlanModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    // The domain names a refused field by list and position ("aktiviteter[2].aktivitet"); the form's input ids say
    // the same with dashes and the row of the form ("aktiviteter-4-aktivitet"), filled in when the form is read.
    private readonly Dictionary<string, (string, string)> _fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["titel"] = ("titel", "Planens titel"), ["Title"] = ("titel", "Planens titel"),
        ["beslutad"] = ("beslutad", "Beslutad av styrelsen"), ["DecidedOn"] = ("beslutad", "Beslutad av styrelsen"),
    };

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["avsnitt"] = "Avsnitt", ["processmal"] = "Processmål", ["aktiviteter"] = "Aktivitet", ["indikatorer"] = "Indikator",
        ["budget"] = "Budgetrad", ["organisation"] = "Roll",
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => _fields;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public string InsatsId { get; private set; } = "";
    public int Year { get; private set; }
    public PlanSnapshot Plan { get; private set; } = null!;
    public PlanContent PlanContent => Plan.Content!;

    /// <summary>The document's number of each section row of the form (what the handlingsplan will show).</summary>
    public IReadOnlyList<string> SectionNumbers => SectionNumbering.Numbers(
        Input.Sections.Select(s => new PlanSection(s.Number ?? "", s.Title ?? "", s.Text ?? "")).ToList());

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        Version = Plan.Version;
        Input = PlanInput.From(PlanContent, year);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId, int year)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        if (BindingFailed())
            return Page();
        var (edited, rows, milestoneErrors) = Input.ToContent(PlanContent);
        foreach (var (list, kept) in rows)
            for (var i = 0; i < kept.Count; i++)
                NameRow(list, i, kept[i]);
        foreach (var (row, message) in milestoneErrors)
            Errors.Add($"indikatorer-{row}-delmal", $"Indikator {row + 1} – delmål", message);
        if (Errors.Any)
            return Page();
        if (await TryChangeAsync(() => writer.SavePlanAsync(User, owner, insatsId, year, edited, Version)))
        {
            TempData["Saved"] = "Handlingsplanen är sparad.";
            return Redirect($"/insats/{owner}/{insatsId}/{year}/plan");
        }
        if (Conflict)
        {
            ShowVersion(Plan.Version);
            Input = PlanInput.From(PlanContent, year); // show what is stored now; the user re-applies the change
        }
        return Page();
    }

    /// <summary>Points "aktiviteter[2].x" (the domain's name) at the form row it came from.</summary>
    private void NameRow(string list, int index, int row)
    {
        foreach (var field in new[] { "id", "nummer", "rubrik", "text", "aktivitet", "hur", "ansvarig", "nar", "processmal", "titel",
                     "belopp", "roll", "typ", "kalla", "kalla.namnare", "malDatum", "periodStart", "utgangslage", "enhet", "malbild",
                     "omfattning.kod", "riktning" })
            _fields[$"{list}[{index}].{field}"] = ($"{list}-{row}-{field.Replace('.', '-')}", $"{Labels[list]} {row + 1} – {field}");
        _fields[$"{list}[{index}]"] = ($"{list}-{row}", $"{Labels[list]} {row + 1}");
    }

    private async Task<bool> LoadAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Plan = await reader.PlanAsync(owner, insatsId, year);
        Saved = TempData["Saved"] as string;
        return Plan.Exists;
    }
}
