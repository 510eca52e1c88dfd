using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Reporting.Word;

/// <summary>The restrained colour set every report shares (hex RGB without '#').</summary>
internal static class Palette
{
    public const string Navy = "1F3864";
    public const string Blue = "2E74B5";
    public const string Text = "262626";
    public const string Muted = "595959";
    public const string Rule = "BFBFBF";
    public const string Hairline = "D9D9D9";
    public const string Zebra = "F3F6FA";
    public const string White = "FFFFFF";

    /// <summary>Series colours in order: distinguishable, calm, and still apart in greyscale.</summary>
    public static readonly string[] Series = ["1F3864", "5B9BD5", "C55A11", "A5A5A5", "70AD47", "FFC000"];

    /// <summary>Badge fill and text colours; the words carry the meaning, the colour only supports it.</summary>
    public static (string Fill, string Text) Badge(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => ("D8EFD9", "1E6B30"),
        IndicatorStatus.OnTrack => ("DCEBF7", "1F4E79"),
        IndicatorStatus.AtRisk => ("FCEBC7", "7A4F00"),
        IndicatorStatus.OffTrack => ("F8D7D5", "9C1C1C"),
        _ => ("EDEDED", Muted),
    };
}
