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
/// Converts .docx to PDF with headless LibreOffice. Each run gets its own HOME and user profile
/// (-env:UserInstallation), so conversions can run in parallel and never touch a real user's profile.
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

    /// <summary>Converts a .docx (bytes) to PDF (bytes).</summary>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default)
    {
        var soffice = SofficePath ?? throw new PdfConversionException(NotInstalledMessage);
        var work = Directory.CreateTempSubdirectory("asf-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "rapport.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var home = Directory.CreateDirectory(Path.Combine(work.FullName, "home"));

            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work.FullName,
            };
            foreach (var argument in new[]
            {
                "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
                $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri}",
                "--convert-to", "pdf", "--outdir", work.FullName, input,
            })
                start.ArgumentList.Add(argument);
            start.Environment["HOME"] = home.FullName;

            using var process = Process.Start(start) ?? throw new PdfConversionException(NotInstalledMessage);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).WaitAsync(_options.Timeout, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ex is OperationCanceledException)
                    throw;
                throw new PdfConversionException($"PDF kunde inte skapas: LibreOffice blev inte klart inom {_options.Timeout.TotalSeconds:0} s och avbröts.", ex);
            }

            var output = Path.Combine(work.FullName, "rapport.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new PdfConversionException(
                    $"PDF kunde inte skapas: LibreOffice avslutades med kod {process.ExitCode}. {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
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
