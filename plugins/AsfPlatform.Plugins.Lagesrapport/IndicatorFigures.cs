using AsfPlatform.Domain.Indicators;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Lagesrapport;

/// <summary>
/// How an evaluated indicator reads in the report, and what is missing to reach its target. Everything here is
/// computed from the evaluation and the plan's definition; nothing is typed in.
/// </summary>
internal sealed record IndicatorFigures(IndicatorEvaluation Evaluation, IndicatorDefinition? Definition)
{
    public Direction Direction => Definition?.Direction ?? Direction.Increase;

    /// <summary>Where and when a value at a date was measured ("länsuppföljningen hösten 2016 (2016-10-01)"); null for counts.</summary>
    public string? FigureDate { get; init; }

    /// <summary>The value as shown: "228 (137 kv, 91 m) per 2016-10-01", "0 %", "+5,2 %", "Ja"/"Nej", or "–" without data.</summary>
    public string Value => Evaluation.Value is { } v
        ? Format(v) + (Evaluation.Women is { } w && Evaluation.Men is { } m ? $" ({SwedishFormat.Number(w)} kv, {SwedishFormat.Number(m)} m)" : "")
            + (FigureDate is not null && Evaluation.LatestFigure is { } date ? $" per {SwedishFormat.Date(date)}" : "")
        : "–";

    public string Target => Format(Evaluation.Target);

    /// <summary>Where the straight path to the target is at the date; only meaningful before the target date.</summary>
    public string Expected => Evaluation.Expected is { } e && Evaluation.Kind != IndicatorKind.Milestone && Evaluation.AsOf < Evaluation.TargetDate
        ? Format(e) : "–";

    /// <summary>Whether value and target are counts of the same thing, so a bar chart of both is honest.</summary>
    public bool Comparable => Evaluation.Value is not null
        && Evaluation.Kind is IndicatorKind.CountInPeriod or IndicatorKind.StockAtDate;

    /// <summary>How far the value is from the target in the target's direction (0 when met); null without data.</summary>
    public decimal? Gap => Evaluation.Value is { } v
        ? Math.Max(0, Direction == Direction.Increase ? Evaluation.Target - v : v - Evaluation.Target)
        : null;

    /// <summary>A short category label for charts: "Medarbetare", "Anställda i verksamma ASF".</summary>
    public string ShortTitle
    {
        get
        {
            var t = Evaluation.Title;
            if (t.StartsWith("Antal ", StringComparison.Ordinal)) t = t[6..];
            foreach (var cut in new[] { " (", " som ", " för ", " i länet" })
                if (t.IndexOf(cut, StringComparison.Ordinal) is > 0 and var at) t = t[..at];
            t = char.ToUpper(t[0], SwedishFormat.Culture) + t[1..];
            return t.Length <= 34 ? t : t[..33].TrimEnd() + "…";
        }
    }

    /// <summary>What is missing to reach the target, as sentences; empty when the target is met or there is no data.</summary>
    public IReadOnlyList<string> Missing()
    {
        var e = Evaluation;
        if (e.Value is not { } value || Gap is not > 0)
            return [];
        var lines = new List<string>();
        var daysLeft = e.TargetDate.DayNumber - e.AsOf.DayNumber;
        switch (e.Kind)
        {
            case IndicatorKind.Milestone:
                lines.Add(daysLeft > 0
                    ? $"Milstolpen är inte nådd; den ska vara nådd senast {SwedishFormat.Date(e.TargetDate)} ({SwedishText.Count(daysLeft, "dag", "dagar")} kvar)."
                    : $"Milstolpen nåddes inte före {SwedishFormat.Date(e.TargetDate)}.");
                break;
            case IndicatorKind.Rate or IndicatorKind.GrowthRelativeToBaseline:
                lines.Add($"Utfallet är {Format(value)} mot målbilden {Target}: det saknas {SwedishFormat.Number(Gap!.Value, 1)} {SwedishText.Form(Gap!.Value, "procentenhet", "procentenheter")}.");
                break;
            default:
                lines.Add($"Utfallet är {SwedishFormat.Number(value, 1)} mot målbilden {Target}: det saknas {SwedishFormat.Number(Gap!.Value, 1)}"
                    + (Definition?.Unit is { Length: > 0 } unit && unit != "st" ? $" {unit}." : "."));
                if (e.Expected is { } expected && daysLeft > 0)
                    lines.Add($"En jämn takt från utgångsläget till målbilden motsvarar {SwedishFormat.Number(expected, 1)} per {SwedishFormat.Date(e.AsOf)}.");
                if (daysLeft > 0 && e.Kind == IndicatorKind.CountInPeriod)
                {
                    var months = Math.Max(1m, daysLeft / 30.44m);
                    lines.Add($"Till {SwedishFormat.Date(e.TargetDate)} återstår {SwedishText.Count(daysLeft, "dag", "dagar")}; målbilden kräver omkring {SwedishFormat.Number(Math.Ceiling(Gap!.Value / months * 10) / 10, 1)} per månad.");
                }
                break;
        }
        foreach (var m in e.Milestones.Where(m => m.Met == false))
            lines.Add($"Delmålet {Format(m.Target)} per {SwedishFormat.Date(m.Date)} nåddes inte (utfall {(m.Value is { } mv ? Format(mv) : "saknas")}).");
        if (daysLeft <= 0 && e.Kind != IndicatorKind.Milestone)
            lines.Add($"Måldatumet {SwedishFormat.Date(e.TargetDate)} har passerats.");
        return lines;
    }

    private string Format(decimal v) => IndicatorText.Value(Evaluation.Kind, v, Definition?.Unit);
}
