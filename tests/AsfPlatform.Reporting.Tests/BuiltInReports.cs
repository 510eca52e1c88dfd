namespace AsfPlatform.Reporting.Tests;

/// <summary>A built-in plugin (this test assembly is passed as a built-in assembly) that needs year and municipality.</summary>
public sealed class MunicipalityYearReport : IReportPlugin
{
    public string Id => "kommun-test";
    public string Title => "Kommuntest";
    public string Description => "Kräver år och kommun.";
    public IReadOnlyList<ReportParameter> Parameters { get; } =
        [ReportParameter.Require(ReportParameterKind.Year), ReportParameter.Require(ReportParameterKind.Municipality), ReportParameter.Optional(ReportParameterKind.AsOfDate)];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        document.CoverPage(new CoverPage($"Kommun {context.Arguments.Municipality}", Owner: "Testförbundet"))
            .TableOfContents()
            .Heading("Läget")
            .Paragraph($"Per {SwedishFormat.Date(context.AsOf)}.");
        return Task.CompletedTask;
    }
}
