using AsfPlatform.Domain.Model;

namespace AsfPlatform.Reporting;

/// <summary>
/// Information events with their audience totals. Totals add only reported counts; how many events reported no
/// count is kept so the text can say so instead of presenting a partial sum as the whole.
/// </summary>
/// <param name="Events">The events, by date.</param>
/// <param name="Politicians">Reported politicians in the audience, summed.</param>
/// <param name="Employees">Reported employees and officials, summed.</param>
/// <param name="Organisations">Reported organisations and groups, summed.</param>
/// <param name="Others">Reported others, summed.</param>
/// <param name="WithoutAudience">Events that reported no audience count at all.</param>
public sealed record EventSummary(
    IReadOnlyList<InformationEvent> Events,
    int Politicians,
    int Employees,
    int Organisations,
    int Others,
    int WithoutAudience)
{
    /// <summary>All reported audience counts together.</summary>
    public int Audience => Politicians + Employees + Organisations + Others;

    /// <summary>Sums <paramref name="events"/>, ordered by date.</summary>
    public static EventSummary Of(IEnumerable<InformationEvent> events)
    {
        var list = events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new(list,
            list.Sum(e => e.Audience.Politicians ?? 0),
            list.Sum(e => e.Audience.Employees ?? 0),
            list.Sum(e => e.Audience.Organisations ?? 0),
            list.Sum(e => e.Audience.Others ?? 0),
            list.Count(e => e.Audience is { Politicians: null, Employees: null, Organisations: null, Others: null }));
    }

    /// <summary>
    /// "genomfördes 2 registrerade aktiviteter" reads right for every count: "1 registrerad aktivitet". Every recorded
    /// event is an activity; only some kinds are information efforts (<see cref="InformingCount"/>), so the whole list is
    /// never called "informationsinsatser" beside an indicator that counts fewer.
    /// </summary>
    public string CountText => SwedishText.Count(Events.Count, "registrerad aktivitet", "registrerade aktiviteter");

    /// <summary>
    /// How many of the events are of the kinds an indicator counts (its source's categories, event type names such as
    /// "Konferens"); all of them when the indicator names no kinds. The same rule as the indicator's own count.
    /// </summary>
    public int InformingCount(IReadOnlyCollection<string>? categories) =>
        categories is not { Count: > 0 } ? Events.Count : Events.Count(e => categories.Contains(e.Type.ToString()));

    /// <summary>The events as a table with a total row.</summary>
    public TableSpec ToTable(MunicipalityNames names, string caption)
    {
        static TableCell Count(int? n) => n is { } v ? SwedishFormat.Number(v) : "–";
        var rows = Events.Select(e => (IReadOnlyList<TableCell>)
        [
            SwedishFormat.Date(e.Date), SwedishNames.Of(e.Type), e.Title, names.Of(e.Kommunkod),
            Count(e.Audience.Politicians), Count(e.Audience.Employees), Count(e.Audience.Organisations), Count(e.Audience.Others),
        ]).ToList();
        rows.Add(
        [
            new TableCell("Summa", Bold: true), new TableCell($"{Events.Count} st", Bold: true), "", "",
            new TableCell(SwedishFormat.Number(Politicians), Bold: true), new TableCell(SwedishFormat.Number(Employees), Bold: true),
            new TableCell(SwedishFormat.Number(Organisations), Bold: true), new TableCell(SwedishFormat.Number(Others), Bold: true),
        ]);
        return new TableSpec(
        [
            new TableColumn("Datum", 13), new TableColumn("Typ", 13), new TableColumn("Aktivitet", 30), new TableColumn("Kommun", 13),
            new TableColumn("Pol.", 7, ColumnAlignment.Right), new TableColumn("Medarb.", 10, ColumnAlignment.Right),
            new TableColumn("Org.", 7, ColumnAlignment.Right), new TableColumn("Övr.", 7, ColumnAlignment.Right),
        ], rows, caption);
    }

    /// <summary>
    /// What the abbreviated audience columns mean, and how complete the counts are ("–" in the table means not
    /// reported). The columns are abbreviated so the headers fit a portrait page without breaking inside words.
    /// </summary>
    public string AudienceSentence() => "Publik: Pol. = politiker, Medarb. = medarbetare och tjänstepersoner, Org. = organisationer och grupper, Övr. = övriga. " + WithoutAudience switch
    {
        0 => $"Publiken vid aktiviteterna uppgick till sammanlagt {SwedishFormat.Number(Audience)} personer/organisationer.",
        _ when WithoutAudience == Events.Count =>
            "Publikens storlek är inte registrerad för någon av aktiviteterna, så antalet nådda politiker, medarbetare och organisationer kan inte anges (– i tabellen).",
        _ => $"Publikens storlek saknas för {WithoutAudience} av {SwedishText.Count(Events.Count, "aktivitet", "aktiviteter")} (– i tabellen); summorna omfattar bara de registrerade uppgifterna.",
    };
}
