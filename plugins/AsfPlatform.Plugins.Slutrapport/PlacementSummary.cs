using AsfPlatform.Domain.Model;

namespace AsfPlatform.Plugins.Slutrapport;

/// <summary>Totals over placement lines, always computed from the lines (never a stated total).</summary>
internal sealed record PlacementSummary(
    int Granted, int Used, int Participants, int Women, int Men, int Work, int Studies, int Af, int BackToPublicSupport, int Continued, int WithoutOutcome)
{
    public static PlacementSummary Of(IEnumerable<Placement> placements)
    {
        var list = placements.ToList();
        int Sum(Func<Placement, int> f) => list.Sum(f);
        return new(
            Sum(p => p.PlacesGranted),
            Sum(p => p.Use?.PlacesUsed ?? 0),
            Sum(p => p.Use?.Participants ?? 0),
            Sum(p => p.Use?.ParticipantsWomen ?? 0),
            Sum(p => p.Use?.ParticipantsMen ?? 0),
            Sum(p => p.Outcomes?.Work ?? 0),
            Sum(p => p.Outcomes?.Studies ?? 0),
            Sum(p => p.Outcomes?.Af ?? 0),
            Sum(p => p.Outcomes?.BackToPublicSupport ?? 0),
            Sum(p => p.Outcomes?.Continued ?? 0),
            Sum(p => Math.Max(0, (p.Use?.Participants ?? 0) - (p.Outcomes?.Total ?? 0))));
    }

    /// <summary>The outcomes as prose parts: "1 till arbete", "5 åter i offentlig försörjning", ...</summary>
    public IReadOnlyList<string> OutcomeParts()
    {
        var parts = new List<string>();
        if (Work > 0) parts.Add($"{Work} till arbete");
        if (Studies > 0) parts.Add($"{Studies} till studier");
        if (Af > 0) parts.Add($"{Af} aktualiserades till Arbetsförmedlingen");
        if (BackToPublicSupport > 0) parts.Add($"{BackToPublicSupport} åter i offentlig försörjning");
        if (Continued > 0) parts.Add($"{Continued} med förlängd insats");
        if (WithoutOutcome > 0) parts.Add($"{WithoutOutcome} utan registrerat utfall");
        return parts;
    }
}
