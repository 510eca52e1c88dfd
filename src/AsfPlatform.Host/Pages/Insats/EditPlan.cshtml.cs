using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Host.Domain;
using Orleans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The editable parts of the plan form.</summary>
public sealed class PlanInput
{
    public string? Title { get; set; }
    public List<string?> SectionTexts { get; set; } = [];
    public List<string?> GoalTexts { get; set; } = [];
    public List<decimal?> Targets { get; set; } = [];
    public List<bool> ActivitiesDone { get; set; } = [];
    public string? NewActivityGoal { get; set; }
    public string? NewActivity { get; set; }
    public string? NewHow { get; set; }
    public string? NewResponsible { get; set; }
    public string? NewWhen { get; set; }
}

/// <summary>Edits a yearly plan: section texts, process goals, indicator targets and the activity plan.</summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class EditPlanModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["titel"] = ("titel", "Planens titel"), ["Title"] = ("titel", "Planens titel"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public string InsatsId { get; private set; } = "";
    public int Year { get; private set; }
    public PlanSnapshot Plan { get; private set; } = null!;
    public PlanContent PlanContent => Plan.Content!;

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        Version = Plan.Version;
        Input = FromContent(PlanContent);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId, int year)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        if (BindingFailed())
            return Page();
        var content = PlanContent;
        var activities = content.Activities.Select((a, i) => a with { Done = i < Input.ActivitiesDone.Count && Input.ActivitiesDone[i] }).ToList();
        if (!string.IsNullOrWhiteSpace(Input.NewActivity))
        {
            activities.Add(new PlanActivity($"a-{Guid.NewGuid():N}"[..14], Input.NewActivityGoal ?? content.Goals.FirstOrDefault()?.Id ?? "",
                Input.NewActivity.Trim(), Input.NewHow?.Trim() ?? "", Input.NewResponsible?.Trim() ?? "", Input.NewWhen?.Trim() ?? ""));
        }
        var edited = content with
        {
            Title = Input.Title ?? "",
            Sections = content.Sections.Select((s, i) => s with { Text = At(Input.SectionTexts, i) ?? s.Text }).ToList(),
            Goals = content.Goals.Select((g, i) => g with { Text = At(Input.GoalTexts, i) ?? g.Text }).ToList(),
            Indicators = content.Indicators.Select((d, i) => i < Input.Targets.Count && Input.Targets[i] is { } t ? d with { TargetValue = t } : d).ToList(),
            Activities = activities,
        };
        if (await TryChangeAsync(() => writer.SavePlanAsync(User, owner, insatsId, year, edited, Version)))
        {
            TempData["Saved"] = "Handlingsplanen är sparad.";
            return Redirect($"/insats/{owner}/{insatsId}/{year}/plan");
        }
        if (Conflict)
        {
            ShowVersion(Plan.Version);
            Input = FromContent(PlanContent); // show what is stored now; the user re-applies the change
        }
        return Page();
    }

    private static string? At(List<string?> values, int index) => index < values.Count ? values[index] : null;

    private static PlanInput FromContent(PlanContent c) => new()
    {
        Title = c.Title,
        SectionTexts = c.Sections.Select(s => (string?)s.Text).ToList(),
        GoalTexts = c.Goals.Select(g => (string?)g.Text).ToList(),
        Targets = c.Indicators.Select(i => (decimal?)i.TargetValue).ToList(),
        ActivitiesDone = c.Activities.Select(a => a.Done).ToList(),
    };

    private async Task<bool> LoadAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Plan = await reader.PlanAsync(owner, insatsId, year);
        Saved = TempData["Saved"] as string;
        return Plan.Exists;
    }
}
