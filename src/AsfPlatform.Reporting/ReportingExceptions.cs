namespace AsfPlatform.Reporting;

/// <summary>A report could not be produced; <see cref="Exception.Message"/> is Swedish and names the plugin and reason.</summary>
public sealed class ReportFailedException(string reportId, string reason, Exception? inner = null)
    : Exception($"Rapporten \"{reportId}\" kunde inte skapas: {reason}", inner)
{
    /// <summary>The plugin id.</summary>
    public string ReportId { get; } = reportId;

    /// <summary>Why, in Swedish.</summary>
    public string Reason { get; } = reason;
}

/// <summary>No plugin has the requested id.</summary>
public sealed class ReportNotFoundException(string reportId, IEnumerable<string> knownIds)
    : Exception($"Det finns ingen rapport med id \"{reportId}\". Tillgängliga rapporter: {string.Join(", ", knownIds.DefaultIfEmpty("(inga)"))}.")
{
    /// <summary>The id asked for.</summary>
    public string ReportId { get; } = reportId;
}

/// <summary>A required parameter is missing or a value is invalid; the message names the parameter.</summary>
public sealed class ReportParameterException(string reportId, ReportParameterKind parameter, string message)
    : Exception(message)
{
    /// <summary>The plugin id.</summary>
    public string ReportId { get; } = reportId;

    /// <summary>The offending parameter.</summary>
    public ReportParameterKind Parameter { get; } = parameter;
}

/// <summary>PDF conversion failed (LibreOffice missing, timed out or produced nothing); the message says which, in Swedish.</summary>
public sealed class PdfConversionException(string message, Exception? inner = null) : Exception(message, inner);
