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

    /// <summary>The SSE topic of this plan.</summary>
    public string LiveTopic => PlanLiveBridge.Topic(GrainKeys.Plan(Owner, InsatsId, Year));

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Plan = await reader.PlanAsync(owner, insatsId, year);
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Plan.Exists || !Insats.Exists)
            return NotFound();
        RecentEvents = (await reader.EventsAsync(owner, insatsId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))).TakeLast(10).Reverse().ToList();
        return Page();
    }
}
