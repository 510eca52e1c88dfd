using AsfPlatform.Domain.Indicators;
using AsfPlatform.Reporting.Word;

namespace AsfPlatform.Reporting.Word.Tests;

/// <summary>A handlingsplan-shaped document (seed 001) that uses every builder feature once or more.</summary>
internal static class SampleDocument
{
    public static readonly DateTimeOffset GeneratedAt = new(2017, 1, 20, 9, 30, 0, TimeSpan.FromHours(1));

    public static byte[] Build(DateTimeOffset? generatedAt = null)
    {
        var builder = new WordDocumentBuilder(generatedAt ?? GeneratedAt);
        Write(builder);
        return builder.ToArray();
    }

    public static void Write(IDocumentBuilder doc)
    {
        doc.CoverPage(new CoverPage(
            Title: "Handlingsplan 2017",
            Subtitle: "Insats för utveckling av arbetsintegrerande socialt företagande",
            Owner: "Samordningsförbund Gävleborg",
            Period: SwedishFormat.Period(new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)),
            Date: new DateOnly(2017, 1, 20),
            Version: "1.0"));
        doc.TableOfContents();

        doc.Heading("Bakgrund");
        doc.Paragraph("Ett arbetsintegrerande socialt företag – ASF – har som mål att genom arbete och delaktighet integrera människor i samhälle och arbetsliv.");
        doc.Paragraph(TextSpan.Strong("Antal företag: "), "Det finns i dag ca 25 aktivt verksamma ASF i länet.");
        doc.Heading("Dubbla affärsidéer", 2);
        doc.Paragraph("ASF erbjuder dels platser för arbetsträning och rehabilitering, dels varor och tjänster på en marknad.");
        doc.Heading("Definition", 2);
        doc.BulletList([
            "Med övergripande ändamål att integrera människor som har stora svårigheter att få och/eller behålla ett arbete.",
            "Som skapar delaktighet för medarbetarna genom ägande, avtal eller på annat väl dokumenterat sätt.",
            "Som i huvudsak återinvesterar sina vinster i de egna eller liknande verksamheter.",
            "Som är organisatoriskt fristående från offentlig verksamhet.",
        ]);
        doc.Heading("Mål");
        doc.Heading("Processmål", 2);
        doc.Heading("Ökad kunskap hos förtroendevalda", 3);
        doc.Paragraph(TextSpan.Emphasis("Målbild: "), "250 förtroendevalda har fått information om ASF under året.");

        doc.Heading("Finansiering");
        doc.Paragraph($"Samordningsförbundet finansierar insatsen med {SwedishFormat.Money(800_000m)} för 2017.");
        doc.Table(new TableSpec(
            [new TableColumn("Post", 55), new TableColumn("Belopp", 25, ColumnAlignment.Right), new TableColumn("Andel", 20, ColumnAlignment.Right)],
            [
                ["Processledare", SwedishFormat.Money(560_000m), SwedishFormat.Percent(0.7m)],
                ["Individinriktade insatser", SwedishFormat.Money(160_000m), SwedishFormat.Percent(0.2m)],
                ["Kommunikation och konferenser", SwedishFormat.Money(80_000m), SwedishFormat.Percent(0.1m)],
                [new TableCell("Summa", Bold: true), new TableCell(SwedishFormat.Money(800_000m), Bold: true), new TableCell(SwedishFormat.Percent(1m), Bold: true)],
            ],
            Caption: "Tabell 1. Kostnadsbudget 2017"));

        doc.Heading("Uppföljning");
        doc.Heading("Indikatorer", 2);
        doc.Table(new TableSpec(
            [new TableColumn("Indikator", 46), new TableColumn("Utgångsläge", 18, ColumnAlignment.Right), new TableColumn("Målbild", 18, ColumnAlignment.Right), new TableColumn("Status", 18, ColumnAlignment.Center)],
            [
                ["Aktiva ASF i länet", "25", "30", TableCell.Badge(IndicatorStatus.OnTrack)],
                ["Fast anställda i ASF", "190", "200", TableCell.Badge(IndicatorStatus.Achieved)],
                ["Kommuner i stödstruktur", "3", "5", TableCell.Badge(IndicatorStatus.AtRisk)],
                ["Andel platser som leder till arbete eller studier", SwedishFormat.Percent(0.12m), SwedishFormat.Percent(0.3m), TableCell.Badge(IndicatorStatus.OffTrack)],
                ["Kommuner med lokal policy", "–", "4", TableCell.Badge(IndicatorStatus.NoData)],
            ],
            Caption: "Tabell 2. Indikatorer och måluppfyllelse"));
        doc.Chart(new ChartSpec(
            ChartKind.Bar,
            "Anställda och personer i åtgärd per år",
            ["2016", "2017", "2018", "2019", "2020"],
            [new ChartSeries("Anställda", [190, 196, 204, 211, 215]), new ChartSeries("I åtgärd", [150, 162, 171, 180, 176])],
            AltText: "Stapeldiagram: anställda i ASF ökade från 190 år 2016 till 215 år 2020; personer i åtgärd från 150 till 176.",
            ValueAxisTitle: "Antal personer"));
        doc.Chart(new ChartSpec(
            ChartKind.Line,
            "Registrerade ASF i länet",
            ["2016", "2017", "2018", "2019", "2020"],
            [new ChartSeries("Hälsingland", [15, 16, 18, 19, 19]), new ChartSeries("Gästrikland", [10, 11, 12, 14, 15])],
            AltText: "Linjediagram: antalet registrerade ASF per delregion 2016–2020."));

        doc.PageBreak();
        doc.Heading("Bilaga 1 – Aktivitetsplan", numbered: false);
        doc.Table(new TableSpec(
            ["Aktivitet", "Hur", "Ansvarig", new TableColumn("När", 14)],
            Enumerable.Range(1, 30).Select(i => (IReadOnlyList<TableCell>)[
                $"Aktivitet {i}", $"Informationsmöte med samverkansparter\nuppföljning {i}", "Processledare", $"2017-{(i % 12) + 1:00}"]).ToList(),
            Caption: "Processmål 3.2.1"));
    }
}
