using System.Globalization;
using System.Text;

namespace AsfPlatform.Domain.Model;

/// <summary>Readable ids made from names ("Glädjeverket" → "asf-gladjeverket"), valid as grain-key segments.</summary>
public static class Identifiers
{
    /// <summary>The longest id made here, leaving room for a "-2" that makes it unique.</summary>
    public const int MaxLength = 56;

    /// <summary>
    /// <paramref name="prefix"/> and the name in lowercase a–z and digits, words joined with '-' (å, ä → a, ö → o, other
    /// accents dropped); "x" when the name has no letter or digit.
    /// </summary>
    public static string FromName(string prefix, string? name)
    {
        var plain = (name ?? "").ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var id = new StringBuilder(prefix);
        var dash = id.Length > 0 && id[^1] != '-';
        foreach (var c in plain)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue; // the ring and dots of å, ä, ö, the accent of é
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && id.Length > prefix.Length) id.Append('-');
                dash = false;
                id.Append(c);
            }
            else
            {
                dash = true;
            }
            if (id.Length >= MaxLength) break;
        }
        return id.Length > prefix.Length ? id.ToString().TrimEnd('-') : prefix + "x";
    }

    /// <summary>The first of "id", "id-2", "id-3", … that <paramref name="taken"/> says is free.</summary>
    public static async Task<string> FirstFreeAsync(string id, Func<string, Task<bool>> taken)
    {
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? id : $"{id}-{n}";
            if (!await taken(candidate)) return candidate;
        }
    }
}
