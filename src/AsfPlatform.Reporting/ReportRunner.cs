using AsfPlatform.Reporting.Word;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Reporting;

/// <summary>
/// Runs one report into a .docx: checks the arguments against what the plugin declares, renders on a pool
/// thread with a time limit, and turns every plugin failure into a <see cref="ReportFailedException"/> so the
/// host and CLI keep working.
/// </summary>
public sealed class ReportRunner(
    ReportCatalog catalog,
    IReportContextFactory contextFactory,
    IOptions<ReportingOptions> options,
    TimeProvider? time = null,
    ILogger<ReportRunner>? logger = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>The catalog reports are looked up in.</summary>
    public ReportCatalog Catalog => catalog;

    /// <summary>
    /// Checks that <paramref name="reportId"/> exists and every required parameter has a value.
    /// Throws <see cref="ReportNotFoundException"/> or <see cref="ReportParameterException"/> naming the parameter.
    /// </summary>
    public ReportDescriptor Validate(string reportId, ReportArguments arguments)
    {
        var report = catalog.Get(reportId);
        var missing = report.Parameters.Where(p => p.Required && !arguments.Has(p.Kind)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(p => $"\"{p.Label}\""));
            var message = missing.Count == 1
                ? $"Rapporten \"{report.Id}\" kräver parametern {names}, som saknas."
                : $"Rapporten \"{report.Id}\" kräver parametrarna {names}, som saknas.";
            throw new ReportParameterException(report.Id, missing[0].Kind, message);
        }
        if (arguments.Municipality is { } code && (code.Length != 4 || !code.All(char.IsAsciiDigit)))
            throw new ReportParameterException(report.Id, ReportParameterKind.Municipality,
                $"Parametern \"kommun\" måste vara en kommunkod med fyra siffror (t.ex. 2180), inte \"{code}\".");
        if (arguments.Year is { } year && year is < 2000 or > 2100)
            throw new ReportParameterException(report.Id, ReportParameterKind.Year,
                $"Parametern \"år\" måste vara ett årtal mellan 2000 och 2100, inte {year}.");
        return report;
    }

    /// <summary>Runs the report and returns the .docx bytes. <paramref name="generatedAt"/> defaults to now.</summary>
    public async Task<byte[]> RunAsync(string reportId, ReportArguments arguments, DateTimeOffset? generatedAt = null, CancellationToken cancellationToken = default)
    {
        var report = Validate(reportId, arguments);
        var at = generatedAt ?? _time.GetUtcNow();
        var context = await contextFactory.CreateAsync(arguments, at, cancellationToken);
        var builder = new WordDocumentBuilder(at);
        var timeout = options.Value.RenderTimeout;

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        // Task.Run so a plugin that blocks before its first await is still bounded by the time limit.
        var render = Task.Run(() => report.Plugin.RenderAsync(context, builder, limit.Token), CancellationToken.None);
        try
        {
            await render.WaitAsync(timeout, cancellationToken);
            return builder.ToArray();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && limit.IsCancellationRequested))
        {
            limit.Cancel();
            ObserveLater(render, report.Id);
            _logger.LogWarning("Report {ReportId} exceeded its time limit of {Timeout}", report.Id, timeout);
            throw new ReportFailedException(report.Id, $"den tog längre tid än tidsgränsen {timeout.TotalSeconds:0.#} s och avbröts.");
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Report {ReportId} failed", report.Id);
            throw new ReportFailedException(report.Id, $"ett fel uppstod i rapporten ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    /// <summary>Runs the report and writes the .docx to <paramref name="output"/>.</summary>
    public async Task RunAsync(string reportId, ReportArguments arguments, Stream output, DateTimeOffset? generatedAt = null, CancellationToken cancellationToken = default)
    {
        var bytes = await RunAsync(reportId, arguments, generatedAt, cancellationToken);
        await output.WriteAsync(bytes, cancellationToken);
    }

    // An abandoned render may still fail later; observe it so it never surfaces as an unobserved task exception.
    private void ObserveLater(Task render, string reportId) =>
        render.ContinueWith(t => _logger.LogDebug(t.Exception, "Abandoned report {ReportId} ended", reportId),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
