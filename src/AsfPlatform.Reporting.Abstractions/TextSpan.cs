namespace AsfPlatform.Reporting;

/// <summary>A piece of text in a paragraph with simple emphasis.</summary>
public sealed record TextSpan(string Text, bool Bold = false, bool Italic = false)
{
    /// <summary>Plain text.</summary>
    public static implicit operator TextSpan(string text) => new(text);

    /// <summary>Bold text.</summary>
    public static TextSpan Strong(string text) => new(text, Bold: true);

    /// <summary>Italic text.</summary>
    public static TextSpan Emphasis(string text) => new(text, Italic: true);
}
