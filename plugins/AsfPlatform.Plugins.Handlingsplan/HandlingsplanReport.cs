using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Handlingsplan;

/// <summary>The yearly handlingsplan of an insats (structure of seed 001), from the plan grain.</summary>
public sealed class HandlingsplanReport : IReportPlugin
{
    public string Id => "handlingsplan";
    public string Title => "Handlingsplan";
    public string Description => "Årets handlingsplan för en insats: bakgrund, mål, budget, organisation, aktivitetsplan och indikatorer med målbild och aktuellt läge.";
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        ReportParameter.Require(ReportParameterKind.Year),
        ReportParameter.Optional(ReportParameterKind.AsOfDate),
    ];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        document.CoverPage(new CoverPage("Handlingsplan")).TableOfContents().Heading("Bakgrund");
        return Task.CompletedTask;
    }
}
