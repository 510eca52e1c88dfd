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

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Saved = TempData["Saved"] as string;
        Plan = await reader.PlanAsync(owner, insatsId, year);
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Plan.Exists || !Insats.Exists)
            return NotFound();
        RecentEvents = (await reader.EventsAsync(owner, insatsId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))).TakeLast(10).Reverse().ToList();
        return Page();
    }
}
