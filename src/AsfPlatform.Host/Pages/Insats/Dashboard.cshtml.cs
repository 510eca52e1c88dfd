using AsfPlatform.Host.Domain;
using AsfPlatform.Contracts;
using AsfPlatform.Host.Live;
using Orleans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>One insats year: indicator cards that update live, recent events and links to the forms.</summary>
public sealed class DashboardModel(DomainReader reader) : PageModel
{
    public string Owner { get; private set; } = "";
    public string InsatsId { get; private set; } = "";
    public int Year { get; private set; }
    public PlanSnapshot Plan { get; private set; } = null!;
    public InsatsSnapshot Insats { get; private set; } = null!;
    public IReadOnlyList<AsfPlatform.Domain.Model.InformationEvent> RecentEvents { get; private set; } = [];

    /// <summary>What a correction or removal just did (shown once).</summary>
    public string? Saved { get; private set; }

    /// <summary>Whether the user may correct or remove an event as stored (the association: all; an office: its own).</summary>
    public bool MayChange(AsfPlatform.Domain.Model.InformationEvent e) => DomainWriter.MayChange(User, e.Kommunkod);

    /// <summary>The SSE topic of this plan.</summary>
    public string LiveTopic => PlanLiveBridge.Topic(GrainKeys.Plan(Owner, InsatsId, Year));

    /// <summary>The owner's data-quality findings for this insats (stated totals that disagree with their parts).</summary>
    public IReadOnlyList<AsfPlatform.Domain.Quality.DataQualityFinding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year)
    {
        Saved = TempData["Saved"] as string;
        return await LoadAsync(owner, insatsId, year) ? Page() : NotFound();
    }

    /// <summary>The dashboard's lists alone (latest events, their total, findings): the live script swaps them in
    /// when the plan reports a change, so they follow the cards without a reload.</summary>
    public async Task<IActionResult> OnGetListorAsync(string owner, string insatsId, int year) =>
        await LoadAsync(owner, insatsId, year) ? Partial("_DashboardLists", this) : NotFound();

    private async Task<bool> LoadAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Plan = await reader.PlanAsync(owner, insatsId, year);
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Plan.Exists || !Insats.Exists)
            return false;
        RecentEvents = (await reader.EventsAsync(owner, insatsId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))).TakeLast(10).Reverse().ToList();
        Findings = await reader.FindingsAsync(owner, insatsId);
        return true;
    }
}
