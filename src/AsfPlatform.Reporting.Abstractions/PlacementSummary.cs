using AsfPlatform.Domain.Model;

namespace AsfPlatform.Reporting;

/// <summary>
/// Placement grants with their use and outcomes. Every total is computed from the lines, never taken from a stated
/// total, and counts only (no persons).
/// </summary>
/// <param name="Placements">The grants, by year, municipality and id.</param>
/// <param name="Granted">Places granted.</param>
/// <param name="Used">Places used.</param>
/// <param name="Participants">Participants in the used places.</param>
/// <param name="Women">Participants who are women.</param>
/// <param name="Men">Participants who are men.</param>
/// <param name="Work">Participants who went on to work.</param>
/// <param name="Studies">Participants who went on to studies.</param>
/// <param name="Af">Participants referred to Arbetsförmedlingen.</param>
/// <param name="BackToPublicSupport">Participants back in public support.</param>
/// <param name="Continued">Participants whose placement was extended.</param>
/// <param name="OutcomeNotReported">Participants without a reported outcome, counted per grant (a grant that
/// reports more outcomes than participants does not hide another grant's missing ones).</param>
public sealed record PlacementSummary(
    IReadOnlyList<Placement> Placements,
    int Granted,
    int Used,
    int Participants,
    int Women,
    int Men,
    int Work,
    int Studies,
    int Af,
    int BackToPublicSupport,
    int Continued,
    int OutcomeNotReported)
{
    /// <summary>Share of participants who went to work or studies; null without participants.</summary>
    public decimal? WorkOrStudiesShare => Participants == 0 ? null : (decimal)(Work + Studies) / Participants;

    /// <summary>Sums <paramref name="placements"/>, ordered by year, municipality and id.</summary>
    public static PlacementSummary Of(IEnumerable<Placement> placements)
    {
        var list = placements.OrderBy(p => p.Year).ThenBy(p => p.Kommunkod, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        int Sum(Func<Placement, int> value) => list.Sum(value);
        return new(list,
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

    /// <summary>The reported outcomes as prose parts: "1 till arbete", "5 åter i offentlig försörjning", …</summary>
    public IReadOnlyList<string> OutcomeParts()
    {
        var parts = new List<string>();
        if (Work > 0) parts.Add($"{N(Work)} till arbete");
        if (Studies > 0) parts.Add($"{N(Studies)} till studier");
        if (Af > 0) parts.Add($"{N(Af)} aktualiserades till Arbetsförmedlingen");
        if (BackToPublicSupport > 0) parts.Add($"{N(BackToPublicSupport)} åter i offentlig försörjning");
        if (Continued > 0) parts.Add($"{N(Continued)} med förlängd insats");
        return parts;
    }

    /// <summary>
    /// The outcomes as a sentence after a lead-in such as "Utfall: ", the participants without a reported outcome
    /// said as such: "1 till arbete och 5 åter i offentlig försörjning. Inget utfall är registrerat för 1 deltagare."
    /// Empty without participants.
    /// </summary>
    public string OutcomeSentence()
    {
        if (Participants == 0) return "";
        var parts = OutcomeParts();
        var missing = $"inget utfall är registrerat för {SwedishText.Count(OutcomeNotReported, "deltagare", "deltagare")}.";
        return parts.Count == 0 ? missing
            : SwedishText.Join(parts) + "." + (OutcomeNotReported > 0 ? " " + SwedishText.Capitalise(missing) : "");
    }

    private static TableCell Bold(string text) => new(text, Bold: true);

    private static string N(int value) => SwedishFormat.Number(value);

    /// <summary>Granted and used places per grant, with a total row. <paramref name="byMunicipality"/> adds a
    /// municipality column (a county report); a municipality's own report leaves it out.</summary>
    public TableSpec UseTable(MunicipalityNames names, string caption, bool byMunicipality)
    {
        var rows = Placements.Select(p => Row(names, p, byMunicipality,
        [
            p.TargetGroup, N(p.PlacesGranted),
            p.Use is { } u ? N(u.PlacesUsed) : "–", p.Use is { } u2 ? N(u2.Participants) : "–",
            p.Use is { } u3 ? N(u3.ParticipantsWomen) : "–", p.Use is { } u4 ? N(u4.ParticipantsMen) : "–",
        ])).ToList();
        rows.Add(Row(byMunicipality, [Bold("Summa"), Bold(N(Granted)), Bold(N(Used)), Bold(N(Participants)), Bold(N(Women)), Bold(N(Men))]));
        // Header widths follow the longest word of each header, so no header breaks inside a word.
        return new TableSpec(Columns(byMunicipality, 39,
        [
            new TableColumn("Beviljade", 14, ColumnAlignment.Right), new TableColumn("Nyttjade", 13, ColumnAlignment.Right),
            new TableColumn("Deltagare", 14, ColumnAlignment.Right), new TableColumn("Kvinnor", 12, ColumnAlignment.Right),
            new TableColumn("Män", 8, ColumnAlignment.Right),
        ], "Målgrupp"), rows, caption);
    }

    /// <summary>Outcomes per grant, with a total row; participants without a reported outcome get their own column.
    /// Rows are labelled by municipality (<paramref name="byMunicipality"/>) or else by target group.</summary>
    public TableSpec OutcomeTable(MunicipalityNames names, string caption, bool byMunicipality)
    {
        var rows = Placements.Select(p =>
        {
            var o = p.Outcomes ?? new PlacementOutcomes();
            var missing = Math.Max(0, (p.Use?.Participants ?? 0) - o.Total);
            return (IReadOnlyList<TableCell>)[byMunicipality ? names.Of(p.Kommunkod) : p.TargetGroup,
                N(o.Work), N(o.Studies), N(o.Af), N(o.BackToPublicSupport), N(o.Continued), N(missing)];
        }).ToList();
        rows.Add([Bold("Summa"), Bold(N(Work)), Bold(N(Studies)), Bold(N(Af)), Bold(N(BackToPublicSupport)), Bold(N(Continued)), Bold(N(OutcomeNotReported))]);
        return new TableSpec(
        [
            new TableColumn(byMunicipality ? "Kommun" : "Målgrupp", 25),
            new TableColumn("Arbete", 11, ColumnAlignment.Right), new TableColumn("Studier", 11, ColumnAlignment.Right),
            new TableColumn("Till AF", 11, ColumnAlignment.Right), new TableColumn("Åter i offentlig försörjning", 16, ColumnAlignment.Right),
            new TableColumn("Förlängd insats", 13, ColumnAlignment.Right), new TableColumn("Utfall ej angivet", 13, ColumnAlignment.Right),
        ], rows, caption);
    }

    private static List<TableColumn> Columns(bool byMunicipality, int labelWidth, TableColumn[] figures, string label)
    {
        const int MunicipalityWidth = 14;
        var columns = new List<TableColumn>();
        if (byMunicipality) columns.Add(new TableColumn("Kommun", MunicipalityWidth));
        columns.Add(new TableColumn(label, byMunicipality ? labelWidth - MunicipalityWidth : labelWidth));
        columns.AddRange(figures);
        return columns;
    }

    private static IReadOnlyList<TableCell> Row(MunicipalityNames names, Placement p, bool byMunicipality, TableCell[] cells) =>
        byMunicipality ? [names.Of(p.Kommunkod), .. cells] : cells;

    private static IReadOnlyList<TableCell> Row(bool byMunicipality, TableCell[] cells) =>
        byMunicipality ? [cells[0], "", .. cells[1..]] : [cells[0], .. cells[1..]];

    /// <summary>A sentence with the totals, e.g. "4 platser beviljades och 1 nyttjades av 1 deltagare (1 kvinna, 0 män). …"</summary>
    public string Sentence() =>
        $"{SwedishText.Count(Granted, "plats", "platser")} beviljades och {N(Used)} nyttjades av {SwedishText.Count(Participants, "deltagare", "deltagare")} " +
        $"({SwedishText.Count(Women, "kvinna", "kvinnor")}, {SwedishText.Count(Men, "man", "män")}). " +
        (WorkOrStudiesShare is { } share
            ? $"{N(Work + Studies)} av {N(Participants)} deltagare gick vidare till arbete eller studier ({SwedishFormat.Percent(share)})."
            : "Inga deltagare har ännu påbörjat en placering, så utfall kan inte redovisas.")
        + (Placements.Select(p => p.DailyRate).Distinct().ToList() is [var rate]
            ? $" Ersättningen är {SwedishFormat.Money(rate)} per placeringsdag."
            : "");
}
