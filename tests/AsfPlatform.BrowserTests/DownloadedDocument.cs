using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace AsfPlatform.BrowserTests;

/// <summary>Opens a downloaded .docx the way Word would and returns its body text.</summary>
public static class DownloadedDocument
{
    public static async Task<string> TextAsync(IDownload download)
    {
        var path = Path.Combine(Path.GetTempPath(), $"asf-{Guid.NewGuid():N}.docx");
        try
        {
            await download.SaveAsAsync(path);
            using var document = WordprocessingDocument.Open(path, false);
            return document.MainDocumentPart!.Document.Body!.InnerText;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
