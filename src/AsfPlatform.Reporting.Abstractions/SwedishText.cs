using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Reporting;

/// <summary>
/// Swedish prose with figures: number agreement ("1 konferens", "2 konferenser"), adjective agreement
/// ("1 registrerad informationsinsats", "2 registrerade informationsinsatser"), lists ("a, b och c"), periods and
/// changes. Every report writes counts through here, so a drop-in plugin words its figures as the built-in ones do.
/// </summary>
/// <example>
/// <code>
/// SwedishText.Count(2, "konferens", "konferenser")                                              // "2 konferenser"
/// SwedishText.Count(1, "registrerad informationsinsats", "registrerade informationsinsatser")   // "1 registrerad informationsinsats"
/// $"{n} indikatorer är {SwedishText.Form(n, "uppnådd", "uppnådda")}"                              // the word alone
/// SwedishText.Count(3, EventType.Utbildning)                                                    // "3 utbildningar"
/// </code>
/// </example>
public static class SwedishText
{
    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    /// <summary>
    /// The singular form <paramref name="one"/> when <paramref name="count"/> is exactly 1 or -1, else the plural
    /// <paramref name="many"/>: Swedish uses the plural for 0 and for fractions ("0 personer", "1,5 timmar").
    /// Either form may be a phrase whose adjectives agree with the noun ("registrerad informationsinsats").
    /// </summary>
    public static string Form(decimal count, string one, string many) => Math.Abs(count) == 1m ? one : many;

    /// <summary>The count in Swedish number format followed by the agreeing form: "1 konferens", "12 konferenser", "1 000 personer".</summary>
    public static string Count(decimal count, string one, string many) => SwedishFormat.Number(count) + " " + Form(count, one, many);

    /// <summary>A count of events of one type in lower case: "1 konferens", "3 utbildningar", "2 andra aktiviteter".</summary>
    public static string Count(int count, EventType type)
    {
        var (one, many) = EventTypeForms(type);
        return Count(count, one, many);
    }

    /// <summary>The singular and plural of an event type in lower case, e.g. ("frukostmöte", "frukostmöten").</summary>
    public static (string One, string Many) EventTypeForms(EventType type) => type switch
    {
        EventType.Frukostmote => ("frukostmöte", "frukostmöten"),
        EventType.Seminarium => ("seminarium", "seminarier"),
        EventType.Konferens => ("konferens", "konferenser"),
        EventType.Workshop => ("workshop", "workshoppar"),
        EventType.Massa => ("mässa", "mässor"),
        EventType.Utbildning => ("utbildning", "utbildningar"),
        EventType.Studieresa => ("studieresa", "studieresor"),
        EventType.Dialogmote => ("dialogmöte", "dialogmöten"),
        EventType.Informationsmote => ("informationsmöte", "informationsmöten"),
        EventType.Temadag => ("temadag", "temadagar"),
        EventType.Podcast => ("poddavsnitt", "poddavsnitt"),
        EventType.Film => ("film", "filmer"),
        EventType.Natverkstraff => ("nätverksträff", "nätverksträffar"),
        _ => ("annan aktivitet", "andra aktiviteter"),
    };

    /// <summary>
    /// A count of indicators with one status, agreeing with "indikator(er)" left out: "1 uppnådd", "4 uppnådda",
    /// "2 i fas", "1 med risk", "5 ej i fas", "2 utan data" (for "av planens 11 indikatorer är 4 uppnådda, …").
    /// </summary>
    public static string Count(int count, IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => Count(count, "uppnådd", "uppnådda"),
        IndicatorStatus.OnTrack => Count(count, "i fas", "i fas"),
        IndicatorStatus.AtRisk => Count(count, "med risk", "med risk"),
        IndicatorStatus.OffTrack => Count(count, "ej i fas", "ej i fas"),
        _ => Count(count, "utan data", "utan data"),
    };

    /// <summary>A list as Swedish prose: "a", "a och b", "a, b och c" (no serial comma).</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " och " + list[^1];
    }

    /// <summary>"augusti 2016 – december 2020".</summary>
    public static string MonthPeriod(DateOnly from, DateOnly to) => $"{Months[from.Month - 1]} {from.Year} – {Months[to.Month - 1]} {to.Year}";

    /// <summary>"Våren 2017" or "Hösten 2017", from a date (July on is autumn, as the county surveys count it).</summary>
    public static string Season(DateOnly date) => (date.Month >= 7 ? "Hösten " : "Våren ") + date.Year;

    /// <summary>A change between two values as prose: "ökade från 179 till 209 (+17 %)", "var oförändrat (34)".</summary>
    public static string Change(int from, int to)
    {
        var verb = to > from ? "ökade" : to < from ? "minskade" : "var oförändrat";
        if (to == from) return $"{verb} ({SwedishFormat.Number(to)})";
        var share = from == 0 ? "" : $" ({(to > from ? "+" : "")}{SwedishFormat.Percent((decimal)(to - from) / from)})";
        return $"{verb} från {SwedishFormat.Number(from)} till {SwedishFormat.Number(to)}{share}";
    }

    /// <summary>The text with its first letter in upper case (Swedish rules): "augusti 2016" → "Augusti 2016".</summary>
    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], SwedishFormat.Culture) + text[1..];
}
