using System.Diagnostics;

namespace AsfPlatform.TestSupport;

/// <summary>Reads a rendered PDF's text the way a reader sees it, for tests that check what a document shows.</summary>
public static class PdfText
{
    /// <summary>The text of <paramref name="pdfPath"/> from poppler's <c>pdftotext -layout</c>, as it prints it.</summary>
    public static async Task<string> ExtractAsync(string pdfPath)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-layout", pdfPath, "-" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
