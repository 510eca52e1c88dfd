using AsfPlatform.Reporting;

namespace AsfPlatform.TestPlugins.Sample;

/// <summary>Works: a heading and a paragraph naming the year.</summary>
public sealed class GoodReport : IReportPlugin
{
    public string Id => "test-bra";
    public string Title => "Fungerande testrapport";
    public string Description => "Skriver en rubrik och ett stycke.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [ReportParameter.Require(ReportParameterKind.Year)];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        document.CoverPage(new CoverPage($"Testrapport {context.Arguments.Year}", Owner: "Testförbundet"));
        document.Heading("Resultat").Paragraph($"Året är {context.Arguments.Year}.");
        return Task.CompletedTask;
    }
}

/// <summary>Throws while rendering.</summary>
public sealed class FaultyReport : IReportPlugin
{
    public string Id => "test-fel";
    public string Title => "Felande testrapport";
    public string Description => "Kastar ett undantag.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Planen saknar indikatorer");
}

/// <summary>Honours cancellation but never finishes on its own.</summary>
public sealed class SlowReport : IReportPlugin
{
    public string Id => "test-seg";
    public string Title => "Långsam testrapport";
    public string Description => "Väntar tills den avbryts.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);
}

/// <summary>Blocks its thread and ignores cancellation, the worst case for the host.</summary>
public sealed class BlockingReport : IReportPlugin
{
    public string Id => "test-blockerar";
    public string Title => "Blockerande testrapport";
    public string Description => "Blockerar tråden i tre sekunder.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        Thread.Sleep(3000);
        return Task.CompletedTask;
    }
}

/// <summary>Cannot even be constructed.</summary>
public sealed class BrokenConstructorReport : IReportPlugin
{
    public BrokenConstructorReport() => throw new InvalidOperationException("Konfiguration saknas");

    public string Id => "test-trasig";
    public string Title => "Trasig";
    public string Description => "Går inte att skapa.";
    public IReadOnlyList<ReportParameter> Parameters { get; } = [];

    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken) => Task.CompletedTask;
}
