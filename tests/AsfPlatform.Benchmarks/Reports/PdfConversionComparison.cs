using System.Diagnostics;
using AsfPlatform.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Benchmarks.Reports;

/// <summary>
/// Wall time of converting all ten kommunrapporter of 2017 to PDF through one LibreOffice instance
/// (<see cref="PdfConverter.ConvertManyAsync"/>) against one LibreOffice process per file (<see cref="PdfConverter.ConvertAsync"/>
/// ten times), in one run, with the machine's load average beside each. A LibreOffice run takes tens of seconds, so
/// this is timed once per side, not by BenchmarkDotNet. Run with
/// <c>dotnet run -c Release --project tests/AsfPlatform.Benchmarks -- pdf-conversion</c>.
/// </summary>
internal static class PdfConversionComparison
{
    public static async Task<int> RunAsync()
    {
        using var bench = new ReportBench();
        var converter = bench.Services.GetRequiredService<PdfConverter>();
        if (!converter.IsAvailable)
        {
            Console.Error.WriteLine(PdfConverter.NotInstalledMessage);
            return 1;
        }
        var codes = bench.PlanContext.Municipalities.Select(m => m.Kommunkod).Order(StringComparer.Ordinal).ToList();
        var documents = new List<byte[]>();
        foreach (var code in codes)
            documents.Add(await bench.Runner.RunAsync("kommunrapport", ReportBench.Arguments("kommunrapport", code), ReportBench.GeneratedAt));

        var (batch, batchLoad) = await TimeAsync(async () => (await converter.ConvertManyAsync(documents)).Sum(p => p.Length));
        var (perFile, perFileLoad) = await TimeAsync(async () =>
        {
            var bytes = 0;
            foreach (var document in documents)
                bytes += (await converter.ConvertAsync(document)).Length;
            return bytes;
        });

        Console.WriteLine($"| Conversion of {documents.Count} kommunrapporter 2017 | Wall time | Load average (1 min) at start → end |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine($"| one LibreOffice process per file | {perFile.TotalSeconds:0} s | {perFileLoad} |");
        Console.WriteLine($"| **one LibreOffice instance for the batch** | **{batch.TotalSeconds:0} s** ({batch / perFile:0.00} of the per-file time) | {batchLoad} |");
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, string Load)> TimeAsync(Func<Task<int>> work)
    {
        var before = Load();
        var watch = Stopwatch.StartNew();
        var bytes = await work();
        watch.Stop();
        if (bytes == 0)
            throw new InvalidOperationException("Inga PDF-filer skapades.");
        return (watch.Elapsed, $"{before} → {Load()}");
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "–";
}
