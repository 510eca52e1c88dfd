using System.Globalization;
using System.Xml.Linq;

namespace AsfPlatform.Reporting.Word;

/// <summary>
/// Writes a chart part (c:chartSpace) whose caches hold the data and whose formulas point into the embedded
/// workbook's sheet, so Word shows the chart without the workbook and "Redigera data" opens matching data.
/// </summary>
internal static class ChartXml
{
    public static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The embedded workbook's sheet name (Excel's Swedish default).</summary>
    public const string SheetName = "Blad1";

    private const int CategoryAxisId = 50010001;
    private const int ValueAxisId = 50010002;

    public static XDocument Build(ChartSpec chart, string workbookRelationshipId)
    {
        var plot = chart.Kind == ChartKind.Bar ? BarChart(chart) : LineChart(chart);
        var numberFormat = chart.Series.SelectMany(s => s.Values).All(v => v == Math.Floor(v)) ? "#,##0" : "#,##0.0";

        var space = new XElement(C + "chartSpace",
            new XAttribute(XNamespace.Xmlns + "c", C),
            new XAttribute(XNamespace.Xmlns + "a", A),
            new XAttribute(XNamespace.Xmlns + "r", R),
            Val("date1904", "0"),
            Val("lang", "sv-SE"),
            Val("roundedCorners", "0"),
            new XElement(C + "chart",
                new XElement(C + "title", RichText(chart.Title, 1200, bold: true, Palette.Navy), Val("overlay", "0")),
                Val("autoTitleDeleted", "0"),
                new XElement(C + "plotArea",
                    new XElement(C + "layout"),
                    plot,
                    CategoryAxis(),
                    ValueAxis(chart.ValueAxisTitle, numberFormat),
                    new XElement(C + "spPr", new XElement(A + "noFill"), new XElement(A + "ln", new XElement(A + "noFill")))),
                new XElement(C + "legend", Val("legendPos", "b"), Val("overlay", "0"), TextProperties(900, Palette.Text)),
                Val("plotVisOnly", "1"),
                Val("dispBlanksAs", "gap")),
            new XElement(C + "spPr", Solid(Palette.White), new XElement(A + "ln", new XElement(A + "noFill"))),
            TextProperties(900, Palette.Text),
            new XElement(C + "externalData", new XAttribute(R + "id", workbookRelationshipId), Val("autoUpdate", "0")));
        return new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), space);
    }

    private static XElement BarChart(ChartSpec chart) => new(C + "barChart",
        Val("barDir", "col"),
        Val("grouping", "clustered"),
        Val("varyColors", "0"),
        chart.Series.Select((series, i) => new XElement(C + "ser",
            Val("idx", i), Val("order", i),
            SeriesName(series, i),
            // LibreOffice draws no bars for a series without an explicit fill (WORD.md).
            new XElement(C + "spPr", Solid(Palette.Series[i % Palette.Series.Length])),
            Val("invertIfNegative", "0"),
            Categories(chart),
            Values(chart, series, i))),
        Val("gapWidth", "80"),
        Val("overlap", "-10"),
        Val("axId", CategoryAxisId),
        Val("axId", ValueAxisId));

    private static XElement LineChart(ChartSpec chart) => new(C + "lineChart",
        Val("grouping", "standard"),
        Val("varyColors", "0"),
        chart.Series.Select((series, i) =>
        {
            var colour = Palette.Series[i % Palette.Series.Length];
            return new XElement(C + "ser",
                Val("idx", i), Val("order", i),
                SeriesName(series, i),
                new XElement(C + "spPr", new XElement(A + "ln", new XAttribute("w", 28575), new XAttribute("cap", "rnd"), Solid(colour), new XElement(A + "round"))),
                new XElement(C + "marker", Val("symbol", "circle"), Val("size", "6"),
                    new XElement(C + "spPr", Solid(colour), new XElement(A + "ln", new XAttribute("w", 9525), Solid(colour)))),
                Categories(chart),
                Values(chart, series, i),
                Val("smooth", "0"));
        }),
        new XElement(C + "marker", new XAttribute("val", "1")),
        Val("axId", CategoryAxisId),
        Val("axId", ValueAxisId));

    private static XElement SeriesName(ChartSeries series, int index) => new(C + "tx",
        new XElement(C + "strRef",
            new XElement(C + "f", $"{SheetName}!${Column(index + 1)}$1"),
            new XElement(C + "strCache", Val("ptCount", 1), Point(0, series.Name))));

    private static XElement Categories(ChartSpec chart) => new(C + "cat",
        new XElement(C + "strRef",
            new XElement(C + "f", $"{SheetName}!$A$2:$A${chart.Categories.Count + 1}"),
            new XElement(C + "strCache", Val("ptCount", chart.Categories.Count), chart.Categories.Select((c, i) => Point(i, c)))));

    private static XElement Values(ChartSpec chart, ChartSeries series, int index)
    {
        var column = Column(index + 1);
        return new XElement(C + "val",
            new XElement(C + "numRef",
                new XElement(C + "f", $"{SheetName}!${column}$2:${column}${chart.Categories.Count + 1}"),
                new XElement(C + "numCache",
                    new XElement(C + "formatCode", "General"),
                    Val("ptCount", series.Values.Count),
                    series.Values.Select((v, i) => Point(i, v.ToString("R", CultureInfo.InvariantCulture))))));
    }

    private static XElement CategoryAxis() => new(C + "catAx",
        Val("axId", CategoryAxisId),
        new XElement(C + "scaling", Val("orientation", "minMax")),
        Val("delete", "0"),
        Val("axPos", "b"),
        new XElement(C + "numFmt", new XAttribute("formatCode", "General"), new XAttribute("sourceLinked", "1")),
        Val("majorTickMark", "none"),
        Val("minorTickMark", "none"),
        Val("tickLblPos", "nextTo"),
        new XElement(C + "spPr", new XElement(A + "ln", new XAttribute("w", 9525), Solid(Palette.Rule))),
        TextProperties(900, Palette.Muted),
        Val("crossAx", ValueAxisId),
        Val("crosses", "autoZero"),
        Val("auto", "1"),
        Val("lblAlgn", "ctr"),
        Val("lblOffset", "100"),
        Val("noMultiLvlLbl", "0"));

    private static XElement ValueAxis(string? title, string numberFormat) => new(C + "valAx",
        Val("axId", ValueAxisId),
        // A value axis that starts above zero exaggerates differences; always start at 0 (WORD.md).
        new XElement(C + "scaling", Val("orientation", "minMax"), Val("min", "0")),
        Val("delete", "0"),
        Val("axPos", "l"),
        new XElement(C + "majorGridlines", new XElement(C + "spPr", new XElement(A + "ln", new XAttribute("w", 9525), Solid("E7E6E6")))),
        title is null ? null : new XElement(C + "title", RichText(title, 900, bold: false, Palette.Muted, rotated: true), Val("overlay", "0")),
        new XElement(C + "numFmt", new XAttribute("formatCode", numberFormat), new XAttribute("sourceLinked", "0")),
        Val("majorTickMark", "none"),
        Val("minorTickMark", "none"),
        Val("tickLblPos", "nextTo"),
        new XElement(C + "spPr", new XElement(A + "ln", new XElement(A + "noFill"))),
        TextProperties(900, Palette.Muted),
        Val("crossAx", CategoryAxisId),
        Val("crosses", "autoZero"),
        Val("crossBetween", "between"));

    private static XElement RichText(string text, int size, bool bold, string colour, bool rotated = false) => new(C + "tx",
        new XElement(C + "rich",
            new XElement(A + "bodyPr", rotated ? new XAttribute("rot", -5400000) : null, rotated ? new XAttribute("vert", "horz") : null),
            new XElement(A + "lstStyle"),
            new XElement(A + "p",
                new XElement(A + "pPr", new XElement(A + "defRPr", new XAttribute("sz", size), new XAttribute("b", bold ? 1 : 0))),
                new XElement(A + "r",
                    new XElement(A + "rPr", new XAttribute("lang", "sv-SE"), new XAttribute("sz", size), new XAttribute("b", bold ? 1 : 0),
                        Solid(colour), new XElement(A + "latin", new XAttribute("typeface", "Calibri"))),
                    new XElement(A + "t", text)))));

    private static XElement TextProperties(int size, string colour) => new(C + "txPr",
        new XElement(A + "bodyPr"),
        new XElement(A + "lstStyle"),
        new XElement(A + "p",
            new XElement(A + "pPr",
                new XElement(A + "defRPr", new XAttribute("sz", size), Solid(colour), new XElement(A + "latin", new XAttribute("typeface", "Calibri")))),
            new XElement(A + "endParaRPr", new XAttribute("lang", "sv-SE"))));

    private static XElement Point(int index, string value) => new(C + "pt", new XAttribute("idx", index), new XElement(C + "v", value));

    private static XElement Solid(string colour) => new(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", colour)));

    private static XElement Val(string name, object value) => new(C + name, new XAttribute("val", value));

    /// <summary>Spreadsheet column letters: 0 → A, 1 → B, 26 → AA.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
