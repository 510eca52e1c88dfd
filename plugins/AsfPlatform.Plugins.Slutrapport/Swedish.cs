using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Slutrapport;

/// <summary>Small pieces of Swedish prose the final report needs.</summary>
internal static class Swedish
{
    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    /// <summary>"augusti 2016 – december 2020".</summary>
    public static string MonthPeriod(DateOnly from, DateOnly to) => $"{Months[from.Month - 1]} {from.Year} – {Months[to.Month - 1]} {to.Year}";

    /// <summary>"Våren 2017" or "Hösten 2017", from a survey date.</summary>
    public static string Season(DateOnly date) => (date.Month >= 7 ? "Hösten " : "Våren ") + date.Year;

    /// <summary>The municipality as an organisation: "Hudiksvalls kommun", "Gävle kommun", "Hofors kommun".</summary>
    public static string Kommun(string name) =>
        name.Length > 0 && !"aeiouyåäösxz".Contains(char.ToLowerInvariant(name[^1])) ? name + "s kommun" : name + " kommun";

    /// <summary>"1 person" / "3 personer" (the count formatted Swedish).</summary>
    public static string Count(int n, string one, string many) => $"{SwedishFormat.Number(n)} {(n == 1 ? one : many)}";

    /// <summary>"a, b och c".</summary>
    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " och " + list[^1];
    }

    /// <summary>A change between two values as prose: "ökade från 179 till 209 (+17 %)".</summary>
    public static string Change(int from, int to)
    {
        var verb = to > from ? "ökade" : to < from ? "minskade" : "var oförändrat";
        if (to == from) return $"{verb} ({SwedishFormat.Number(to)})";
        var share = from == 0 ? "" : $" ({(to > from ? "+" : "")}{SwedishFormat.Percent((decimal)(to - from) / from)})";
        return $"{verb} från {SwedishFormat.Number(from)} till {SwedishFormat.Number(to)}{share}";
    }
}
