using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace AsfPlatform.Reporting.Word.Tests;

/// <summary>Reads a built .docx back for assertions.</summary>
internal static class DocumentInspection
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    public static XDocument MainXml(byte[] docx) => PartXml(docx, "word/document.xml");

    public static XDocument PartXml(byte[] docx, string entry)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry(entry)!.Open();
        return XDocument.Load(stream);
    }

    public static string Text(XElement element) => string.Concat(element.Descendants(W + "t").Select(t => t.Value));
}
