using System.Text.RegularExpressions;

namespace AsfPlatform.Domain.Validation;

/// <summary>Swedish organisation numbers (NNNNNN-NNNN): ten digits, third digit ≥ 2, Luhn check digit.</summary>
public static partial class OrganisationNumber
{
    [GeneratedRegex(@"^(?:16)?(\d{6})-?(\d{4})$")]
    private static partial Regex Shape();

    /// <summary>The number in the form NNNNNN-NNNN, or null when it is not a valid organisation number.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null) return null;
        var m = Shape().Match(value.Trim());
        if (!m.Success) return null;
        var digits = m.Groups[1].Value + m.Groups[2].Value;
        // Third digit ≥ 2 separates legal entities from personal identity numbers (month 01–12).
        if (digits[2] < '2' || !Luhn.IsValid(digits)) return null;
        return $"{m.Groups[1].Value}-{m.Groups[2].Value}";
    }

    public static bool IsValid(string? value) => Normalize(value) is not null;
}
