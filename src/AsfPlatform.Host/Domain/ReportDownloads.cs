using AsfPlatform.Reporting;

namespace AsfPlatform.Host.Domain;

/// <summary>A generated document ready to download.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>LibreOffice is not installed, so no PDF can be made (HTTP 503).</summary>
public sealed class PdfUnavailableException() : Exception(PdfConverter.NotInstalledMessage);

/// <summary>Runs a report plugin into .docx (and PDF when LibreOffice is installed); shared by the API and the report page.</summary>
public sealed class ReportDownloads(ReportRunner runner, PdfConverter pdf)
{
    /// <summary>The reports that loaded.</summary>
    public IReadOnlyList<ReportDescriptor> Reports => runner.Catalog.Reports;

    /// <summary>Whether PDF can be produced here.</summary>
    public bool PdfAvailable => pdf.IsAvailable;

    /// <summary>
    /// Generates the report. Throws <see cref="ReportNotFoundException"/>, <see cref="ReportParameterException"/>
    /// (naming the parameter), <see cref="ReportFailedException"/> or <see cref="PdfUnavailableException"/>.
    /// </summary>
    public async Task<ReportFile> CreateAsync(string reportId, ReportArguments arguments, bool asPdf, CancellationToken cancellationToken)
    {
        if (asPdf && !pdf.IsAvailable)
            throw new PdfUnavailableException();
        var report = runner.Validate(reportId, arguments);
        var docx = await runner.RunAsync(report.Id, arguments, cancellationToken: cancellationToken);
        var name = string.Join('-', new[] { report.Id, arguments.Insats, arguments.Year?.ToString(), arguments.Municipality }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        if (!asPdf)
            return new ReportFile(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
        return new ReportFile(await pdf.ConvertAsync(docx, cancellationToken), "application/pdf", name + ".pdf");
    }
}
