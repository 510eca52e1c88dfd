using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the narrative milestone form.</summary>
public sealed class NarrativeMilestoneInput
{
    /// <summary>Set when the form corrects a recorded milestone.</summary>
    public string? Id { get; set; }
    public int Year { get; set; }
    public DateOnly? Date { get; set; }
    public string? Text { get; set; }
    public string? Tag { get; set; }
}

/// <summary>
/// The insats's own milestones in its story (a network meeting held, a conference arranged): what the final report
/// tells year by year. A milestone with a tag is also counted by the plan's yes/no and count indicators of that tag.
/// </summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class NarrativeMilestoneModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = ("ar", "År"), ["year"] = ("ar", "År"), ["Year"] = ("ar", "År"),
        ["datum"] = ("datum", "Datum"), ["date"] = ("datum", "Datum"), ["Date"] = ("datum", "Datum"),
        ["text"] = ("text", "Vad hände"), ["Text"] = ("text", "Vad hände"),
        ["tag"] = ("etikett", "Etikett för indikatorer"), ["Tag"] = ("etikett", "Etikett för indikatorer"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public NarrativeMilestoneInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public InsatsSnapshot Insats { get; private set; } = null!;

    /// <summary>Whether the form corrects a recorded milestone (then a reason is required).</summary>
    public bool Editing => !string.IsNullOrEmpty(Input.Id);

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, string? id)
    {
        if (!await LoadAsync(owner, insatsId))
            return NotFound();
        Version = Insats.Version;
        if (id is not null)
        {
            if (Insats.Milestones.FirstOrDefault(m => m.Id == id) is not { } m)
                return NotFound();
            Input = new NarrativeMilestoneInput { Id = m.Id, Year = m.Year, Date = m.Date, Text = m.Text, Tag = m.Tag };
        }
        else
        {
            var today = DateOnly.FromDateTime(DateTime.Today);
            var period = Insats.Insats!;
            Input.Year = Math.Clamp(today.Year, period.PeriodStart.Year, period.PeriodEnd.Year);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId)
    {
        if (!await LoadAsync(owner, insatsId))
            return NotFound();
        if (BindingFailed())
            return Page();
        var milestone = new NarrativeMilestone(Editing ? Input.Id! : $"n-{Guid.NewGuid():N}"[..14], Input.Year, Input.Date,
            Input.Text?.Trim() ?? "", string.IsNullOrWhiteSpace(Input.Tag) ? null : Input.Tag.Trim());
        if (await TryChangeAsync(() => writer.RecordNarrativeMilestoneAsync(User, owner, insatsId, milestone, Version, Editing ? Reason : null)))
        {
            TempData["Saved"] = $"Milstolpen för {milestone.Year} är {(Editing ? "ändrad" : "registrerad")}.";
            return Redirect($"/insats/{owner}/{insatsId}/berattelse");
        }
        if (Conflict)
            ShowVersion(Insats.Version);
        return Page();
    }

    /// <summary>The tags the milestones already carry, offered when a new one is written.</summary>
    public IEnumerable<string> KnownTags => Insats.Milestones.Select(m => m.Tag).OfType<string>().Distinct().Order();

    private async Task<bool> LoadAsync(string owner, string insatsId)
    {
        Owner = owner;
        Insats = await reader.InsatsAsync(owner, insatsId);
        Saved = TempData["Saved"] as string;
        return Insats.Exists;
    }
}
