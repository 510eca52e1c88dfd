namespace AsfPlatform.Reporting;

/// <summary>Numbers table captions in the order they are written, so a section left out leaves no gap.</summary>
public sealed class TableNumbers
{
    private int _next;

    /// <summary>"Tabell 3. {text}".</summary>
    public string Caption(string text) => $"Tabell {++_next}. {text}";
}
