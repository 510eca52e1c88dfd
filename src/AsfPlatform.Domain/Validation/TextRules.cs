namespace AsfPlatform.Domain.Validation;

/// <summary>Characters free text may not hold, whatever the field: they corrupt storage, documents or what is shown.</summary>
public static class TextRules
{
    /// <summary>The Swedish reason the text is refused, or null when it is fine.</summary>
    public static string? FindForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return "Texten innehåller ett ofullständigt tecken (en ensam surrogathalva).";
            // Line breaks and tabs belong in longer texts; every other control character (NUL, escape …) does not.
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
                return $"Texten innehåller ett otillåtet styrtecken (U+{(int)c:X4}).";
            if (IsDirectionControl(c))
                return $"Texten innehåller ett otillåtet tecken för skrivriktning (U+{(int)c:X4}).";
        }
        return null;
    }

    // Embeddings, overrides and isolates can make stored text read differently from what it holds.
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

}
