using System.Text.RegularExpressions;

namespace AsfPlatform.Domain.Validation;

/// <summary>
/// Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer, day + 60) in
/// free text, with or without century and with '-', '+', space or no separator. A match needs a real date and a
/// valid check digit, so ordinary numbers (amounts, organisation numbers with month ≥ 20) are not flagged.
/// </summary>
public static partial class PersonalIdentityNumber
{
    [GeneratedRegex(@"(?<!\d)(?<c>19|20)?(?<y>\d{2})(?<m>\d{2})(?<d>\d{2})[-+ ]?(?<n>\d{3})(?<k>\d)(?!\d)")]
    private static partial Regex Candidate();

    /// <summary>True when <paramref name="text"/> contains a personnummer or samordningsnummer.</summary>
    public static bool ContainsAny(string? text) => text is not null && Find(text) is not null;

    /// <summary>The first personnummer-like match, or null.</summary>
    public static string? Find(string text)
    {
        foreach (Match m in Candidate().Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value);
            var day = int.Parse(m.Groups["d"].Value);
            if (day > 60) day -= 60; // samordningsnummer
            if (month is < 1 or > 12 || day < 1) continue;
            var year = m.Groups["c"].Success ? int.Parse(m.Groups["c"].Value + m.Groups["y"].Value) : 2000; // leap year when unknown
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var ten = m.Groups["y"].Value + m.Groups["m"].Value + m.Groups["d"].Value + m.Groups["n"].Value + m.Groups["k"].Value;
            if (Luhn.IsValid(ten)) return m.Value;
        }
        return null;
    }
}
