using System.Globalization;

namespace AsfPlatform.Reporting;

/// <summary>
/// Swedish number, money, percent and date formatting for reports: "800 000 kr", "30 %", "12,5", "2017-12-31".
/// </summary>
/// <remarks>
/// Deliberate choices: the digit-group separator and the space before a unit are NO-BREAK SPACE (U+00A0), as
/// sv-SE prescribes, so "800 000 kr" never breaks across lines in a document. The minus sign is the ASCII
/// hyphen-minus rather than ICU's U+2212, so figures can be searched for and pasted into spreadsheets.
/// The format does not depend on the machine's ICU data.
/// </remarks>
public static class SwedishFormat
{
    /// <summary>The no-break space used between digit groups and before units.</summary>
    public const char Space = '\u00A0';

    /// <summary>sv-SE with the separators fixed as described on <see cref="SwedishFormat"/>.</summary>
    public static CultureInfo Culture { get; } = CreateCulture();

    /// <summary>An integer or decimal with digit groups: 800 000; 12,5 (up to <paramref name="decimals"/> decimals, trailing zeros dropped).</summary>
    public static string Number(decimal value, int decimals = 2) =>
        value.ToString(decimals > 0 ? "#,0." + new string('#', decimals) : "#,0", Culture);

    /// <summary>A number with a fixed count of decimals: 12,50.</summary>
    public static string Fixed(decimal value, int decimals) => value.ToString("N" + decimals, Culture);

    /// <summary>Kronor without öre: "800 000 kr".</summary>
    public static string Money(decimal kronor) => Number(Math.Round(kronor, 0, MidpointRounding.AwayFromZero), 0) + Space + "kr";

    /// <summary>A percentage given as a share (0.3 → "30 %"), with up to <paramref name="decimals"/> decimals.</summary>
    public static string Percent(decimal share, int decimals = 0) => Number(share * 100m, decimals) + Space + "%";

    /// <summary>ISO date as Swedes write it: 2017-12-31.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO date of a point in time, in Swedish local time.</summary>
    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(ToSwedishTime(instant).DateTime));

    /// <summary>A period as "2017-01-01 – 2017-12-31" (en dash, spaced).</summary>
    public static string Period(DateOnly from, DateOnly to) => Date(from) + " – " + Date(to);

    /// <summary>Converts to Swedish local time (Europe/Stockholm), falling back to UTC where the zone is unknown.</summary>
    public static DateTimeOffset ToSwedishTime(DateTimeOffset instant)
    {
        try
        {
            return TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        }
        catch (TimeZoneNotFoundException)
        {
            return instant.ToUniversalTime();
        }
    }

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("sv-SE").Clone();
        var numbers = culture.NumberFormat;
        numbers.NumberGroupSeparator = Space.ToString();
        numbers.NumberDecimalSeparator = ",";
        numbers.PercentGroupSeparator = Space.ToString();
        numbers.PercentDecimalSeparator = ",";
        numbers.CurrencyGroupSeparator = Space.ToString();
        numbers.CurrencyDecimalSeparator = ",";
        numbers.NegativeSign = "-";
        return CultureInfo.ReadOnly(culture);
    }
}
