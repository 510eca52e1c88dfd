using AsfPlatform.Reporting;

namespace AsfPlatform.Cli.Tests;

/// <summary>A small report of the test assembly that prints what the grains gave it for one municipality.</summary>
public sealed class MunicipalityTestReport : IReportPlugin
{
    public string Id => "cli-kommunprov";
    public string Title => "Kommunprov";
    public string Description => "Testrapport: kommunens namn och insatsens händelser under året.";
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        ReportParameter.Require(ReportParameterKind.Municipality),
        ReportParameter.Require(ReportParameterKind.Year),
    ];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var municipality = context.Municipalities.Single();
        document.Heading($"Kommunprov {municipality.Name} {context.Arguments.Year}");
        document.Paragraph($"Insats: {context.Insats?.Insats?.Title}. Händelser under året: {context.Events.Count}.");
        return Task.CompletedTask;
    }
}

/// <summary>A report that always fails while rendering.</summary>
public sealed class FailingTestReport : IReportPlugin
{
    public string Id => "cli-trasig";
    public string Title => "Trasig rapport";
    public string Description => "Testrapport som alltid misslyckas.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [ReportParameter.Require(ReportParameterKind.Owner)];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Trasig med flit");
}
