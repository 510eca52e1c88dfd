using AsfPlatform.Reporting;

namespace AsfPlatform.TestPlugins.Twin;

/// <summary>Claims an id that another plugin already has.</summary>
public sealed class TwinReport : IReportPlugin
{
    public string Id => "test-bra";
    public string Title => "Dubblett";
    public string Description => "Har samma id som en annan rapport.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Dubbletten ska aldrig köras");
}
