namespace AsfPlatform.Reporting.Word;

/// <summary>A4 with 2.5 cm margins, in twentieths of a point (twips) and EMUs.</summary>
internal static class PageGeometry
{
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int Margin = 1417;
    public const int HeaderDistance = 709;
    public const int TextWidth = PageWidth - 2 * Margin; // 9072 twips = 16 cm
    public const long EmuPerTwip = 635;
    public const long ChartWidthEmu = TextWidth * EmuPerTwip;
    public const long ChartHeightEmu = 3_240_000; // 9 cm
}
