namespace AsfPlatform.Reporting;

/// <summary>
/// A report that the platform can produce as a Word document. Implementations are found by assembly scanning,
/// so a plugin needs a public, non-abstract class with a public constructor (parameterless, or taking services
/// the host registers).
/// </summary>
public interface IReportPlugin
{
    /// <summary>Stable, lower-case id used on the command line and in URLs, e.g. <c>handlingsplan</c>. Unique per host.</summary>
    string Id { get; }

    /// <summary>Swedish title shown to users, e.g. "Handlingsplan".</summary>
    string Title { get; }

    /// <summary>One or two Swedish sentences saying what the report contains.</summary>
    string Description { get; }

    /// <summary>The parameters this report needs, so the CLI and UI know what to ask for.</summary>
    IReadOnlyList<ReportParameter> Parameters { get; }

    /// <summary>
    /// Writes the report. The context is read-only; the builder owns layout, so write content, not formatting.
    /// Honour <paramref name="cancellationToken"/>: the host cancels it when the time limit is reached.
    /// </summary>
    Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken);
}
