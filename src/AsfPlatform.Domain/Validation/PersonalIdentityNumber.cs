using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AsfPlatform.Domain.Validation;

/// <summary>
/// Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer, day + 60) in
/// free text, with or without century and with '-', '+', '.', spaces or no separator. A match needs a real date and a
/// valid check digit, so ordinary numbers (amounts, organisation numbers with month ≥ 20) are not flagged.
/// </summary>
/// <remarks>
/// The text is first normalised the way a reader sees it: digits of any script (full-width, Arabic-Indic …) become
/// 0–9, every dash (en dash, minus sign …) a hyphen, every space a space, and invisible characters (zero-width space,
/// direction marks) disappear — so "121212\u200b-1212" or "１２１２１２–１２１２" is caught like "121212-1212". It never
/// throws, whatever the input.
/// </remarks>
public static partial class PersonalIdentityNumber
{
    // ASCII digits only: the text is normalised first, and \d would match digits int.Parse cannot read.
    [GeneratedRegex(@"(?<![0-9])(?<c>19|20)?(?<y>[0-9]{2})[ .]?(?<m>[0-9]{2})[ .]?(?<d>[0-9]{2}) ?[-+.]? ?(?<n>[0-9]{3})(?<k>[0-9])(?![0-9])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();

    /// <summary>True when <paramref name="text"/> contains a personnummer or samordningsnummer.</summary>
    public static bool ContainsAny(string? text) => text is not null && Find(text) is not null;

    /// <summary>The first personnummer-like match (as normalised), or null.</summary>
    public static string? Find(string text)
    {
        var normalised = Normalise(text);
        MatchCollection matches;
        try
        {
            matches = Candidate().Matches(normalised);
            foreach (Match m in matches)
                if (IsNumber(m))
                    return m.Value;
        }
        catch (RegexMatchTimeoutException)
        {
            // Text built to make the search slow is not accepted as free of personal numbers.
            return normalised.Length > 40 ? normalised[..40] : normalised;
        }
        return null;
    }

    /// <summary>Digits of any script as 0–9, dashes as '-', spaces as ' ', invisible characters removed.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var digit = Rune.GetNumericValue(rune);
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber && digit is >= 0 and <= 9)
                builder.Append((char)('0' + (int)digit));
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.DashPunctuation || rune.Value == 0x2212)
                builder.Append('-');
            else if (Rune.IsWhiteSpace(rune))
                builder.Append(' ');
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark)
                continue;
            else
                builder.Append(rune.ToString());
        }
        // Runs of spaces around a separator ("121212 - 1212") read as one.
        return MultipleSpaces().Replace(builder.ToString(), " ");
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex MultipleSpaces();

    private static bool IsNumber(Match m)
    {
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day > 60) day -= 60; // samordningsnummer
        if (month is < 1 or > 12 || day < 1)
            return false;
        var year = m.Groups["c"].Success ? int.Parse(m.Groups["c"].Value + m.Groups["y"].Value, CultureInfo.InvariantCulture) : 2000; // leap year when unknown
        if (day > DateTime.DaysInMonth(year, month))
            return false;
        var ten = m.Groups["y"].Value + m.Groups["m"].Value + m.Groups["d"].Value + m.Groups["n"].Value + m.Groups["k"].Value;
        return Luhn.IsValid(ten);
    }
}
