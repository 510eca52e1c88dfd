using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Reporting;

/// <summary>Settings for <see cref="PdfConverter"/>.</summary>
public sealed class PdfConverterOptions
{
    /// <summary>Path to <c>soffice</c>; null searches PATH and the usual install locations.</summary>
    public string? SofficePath { get; set; }

    /// <summary>How long one conversion may take. Default 2 minutes (a cold start of LibreOffice takes a few seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Converts .docx to PDF with headless LibreOffice, through the Basic macro <see cref="PdfExportMacro"/> (indexes
/// updated, tagged PDF). Each run gets its own HOME and user profile (-env:UserInstallation), so conversions can run in
/// parallel and never touch a real user's profile.
/// </summary>
public sealed class PdfConverter(IOptions<PdfConverterOptions>? options = null)
{
    private readonly PdfConverterOptions _options = options?.Value ?? new PdfConverterOptions();

    /// <summary>The Swedish message used when LibreOffice is missing.</summary>
    public const string NotInstalledMessage =
        "PDF kan inte skapas: LibreOffice (soffice) är inte installerat. Installera det, t.ex. med " +
        "\"apt-get install libreoffice-writer-nogui fonts-crosextra-carlito\", eller ange sökvägen till soffice. " +
        "Word-dokumentet (.docx) kan fortfarande skapas.";

    /// <summary>The soffice executable that will be used, or null when LibreOffice is not installed.</summary>
    public string? SofficePath => _options.SofficePath is { } configured ? (File.Exists(configured) ? configured : null) : FindSoffice();

    /// <summary>Whether LibreOffice is available.</summary>
    public bool IsAvailable => SofficePath is not null;

    /// <summary>Converts a .docx (bytes) to a PDF ready to publish (bytes): table of contents with page numbers, tagged.</summary>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default) =>
        (await ConvertManyAsync([docx], cancellationToken))[0];

    /// <summary>
    /// Converts several .docx files through one LibreOffice instance (its start-up is most of a single conversion's
    /// time). Each document's indexes are updated before export, so the table of contents carries page numbers, and
    /// the PDF is tagged (PDF/UA) with the document's title and language. Answers the PDFs in the same order.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> ConvertManyAsync(IReadOnlyList<byte[]> documents, CancellationToken cancellationToken = default)
    {
        if (documents.Count == 0)
            return [];
        var soffice = SofficePath ?? throw new PdfConversionException(NotInstalledMessage);
        var work = Directory.CreateTempSubdirectory("asf-pdf-");
        try
        {
            var jobs = new List<(string Input, string Output)>();
            for (var i = 0; i < documents.Count; i++)
            {
                var input = Path.Combine(work.FullName, $"rapport-{i + 1}.docx");
                await File.WriteAllBytesAsync(input, documents[i], cancellationToken);
                jobs.Add((input, Path.ChangeExtension(input, ".pdf")));
            }
            var home = Directory.CreateDirectory(Path.Combine(work.FullName, "home"));
            var profile = Path.Combine(work.FullName, "profile");
            // A first start of LibreOffice writes its default macros into the new profile; ours go in after it.
            await RunAsync(soffice, work.FullName, home.FullName, ["--terminate_after_init", $"-env:UserInstallation={new Uri(profile).AbsoluteUri}"],
                _options.Timeout, cancellationToken);
            PdfExportMacro.Install(profile);
            var errorFile = Path.Combine(work.FullName, "fel.txt");

            // The time limit is per document: a batch may take as many.
            var (exitCode, output) = await RunAsync(soffice, work.FullName, home.FullName,
                [$"-env:UserInstallation={new Uri(profile).AbsoluteUri}", PdfExportMacro.Url(jobs, errorFile)],
                _options.Timeout * documents.Count, cancellationToken);

            var failure = File.Exists(errorFile) ? (await File.ReadAllTextAsync(errorFile, cancellationToken)).Trim() : null;
            if (exitCode != 0 || failure is not null || jobs.Any(j => !File.Exists(j.Output)))
                throw new PdfConversionException($"PDF kunde inte skapas: LibreOffice avslutades med kod {exitCode}. {failure} {output}".Trim());
            var pdfs = new List<byte[]>();
            foreach (var job in jobs)
                pdfs.Add(await File.ReadAllBytesAsync(job.Output, cancellationToken));
            return pdfs;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Runs headless soffice with <paramref name="arguments"/>; answers its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string soffice, string workingDirectory, string home,
        IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["HOME"] = home;

        using var process = Process.Start(start) ?? throw new PdfConversionException(NotInstalledMessage);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ex is OperationCanceledException)
                throw;
            throw new PdfConversionException($"PDF kunde inte skapas: LibreOffice blev inte klart inom {timeout.TotalSeconds:0} s och avbröts.", ex);
        }
        return (process.ExitCode, $"{(await stderr).Trim()} {(await stdout).Trim()}".Trim());
    }

    /// <summary>Converts <paramref name="docxPath"/> to <paramref name="pdfPath"/>.</summary>
    public async Task ConvertFileAsync(string docxPath, string pdfPath, CancellationToken cancellationToken = default)
    {
        var pdf = await ConvertAsync(await File.ReadAllBytesAsync(docxPath, cancellationToken), cancellationToken);
        await File.WriteAllBytesAsync(pdfPath, pdf, cancellationToken);
    }

    /// <summary>Looks for soffice on PATH and in the usual install locations.</summary>
    public static string? FindSoffice()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe" } : ["soffice", "libreoffice"];
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var candidates = path.SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .Concat([
                "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                @"C:\Program Files\LibreOffice\program\soffice.exe",
            ]);
        return candidates.FirstOrDefault(File.Exists);
    }
}
