using System.Security;

namespace AsfPlatform.Reporting;

/// <summary>
/// The LibreOffice Basic macro that turns documents into publishable PDFs, and the user-profile files that make it
/// "My Macros" (trusted, so no macro-security prompt). For each document it updates every index (the table of contents
/// gets its page numbers, which the .docx cannot carry before layout) and exports a tagged PDF (PDF/UA) with bookmarks;
/// the title comes from the document's properties and the language from its styles. One soffice run converts a whole
/// batch: <c>ExportAll("in1*out1|in2*out2", errorFile)</c>, then LibreOffice ends.
/// </summary>
internal static class PdfExportMacro
{
    // The module LibreOffice's initialised profile already lists in its Standard library: replacing it needs no
    // change to the library's index files, which LibreOffice rewrites as it likes.
    public const string Library = "Standard", Module = "Module1";

    private const string Code = """
        Sub ExportAll(sJobs As String, sErrorFile As String)
            On Error GoTo Failed
            Dim jobs() As String, parts() As String
            jobs = Split(sJobs, "|")
            For j = 0 To UBound(jobs)
                parts = Split(jobs(j), "*")
                ExportOne(parts(0), parts(1))
            Next
            StarDesktop.terminate()
            Exit Sub
        Failed:
            Open sErrorFile For Output As #1
            Print #1, "Fel " & Err & ": " & Error$
            Close #1
            StarDesktop.terminate()
        End Sub

        Sub ExportOne(sIn As String, sOut As String)
            Dim load(0) As New com.sun.star.beans.PropertyValue
            load(0).Name = "Hidden" : load(0).Value = True
            oDoc = StarDesktop.loadComponentFromURL(sIn, "_blank", 0, load())
            oIndexes = oDoc.getDocumentIndexes()
            For i = 0 To oIndexes.getCount() - 1
                oIndexes.getByIndex(i).update()
            Next
            Dim fd(2) As New com.sun.star.beans.PropertyValue
            fd(0).Name = "UseTaggedPDF" : fd(0).Value = True
            fd(1).Name = "PDFUACompliance" : fd(1).Value = True
            fd(2).Name = "ExportBookmarks" : fd(2).Value = True
            Dim store(1) As New com.sun.star.beans.PropertyValue
            store(0).Name = "FilterName" : store(0).Value = "writer_pdf_Export"
            store(1).Name = "FilterData" : store(1).Value = fd()
            oDoc.storeToURL(sOut, store())
            oDoc.close(True)
        End Sub
        """;

    private const string Header = """<?xml version="1.0" encoding="UTF-8"?>""" + "\n";

    /// <summary>
    /// Writes the macro into the "Standard" library of the LibreOffice user profile at <paramref name="profile"/>. The
    /// profile must have been initialised first (soffice <c>--terminate_after_init</c>): LibreOffice's first start copies
    /// its own Standard library over whatever is there.
    /// </summary>
    public static void Install(string profile)
    {
        var basic = Directory.CreateDirectory(Path.Combine(profile, "user", "basic", Library)).FullName;
        File.WriteAllText(Path.Combine(basic, Module + ".xba"), Header +
            $"""<script:module xmlns:script="http://openoffice.org/2000/script" script:name="{Module}" script:language="StarBasic">{SecurityElement.Escape(Code)}</script:module>""");
        if (!File.Exists(Path.Combine(basic, "script.xlb")))
            File.WriteAllText(Path.Combine(basic, "script.xlb"), Header +
            $"""<library:library xmlns:library="http://openoffice.org/2000/library" library:name="{Library}" library:readonly="false" library:passwordprotected="false"><library:element library:name="{Module}"/></library:library>""");
        if (!File.Exists(Path.Combine(basic, "dialog.xlb")))
            File.WriteAllText(Path.Combine(basic, "dialog.xlb"), Header +
            $"""<library:library xmlns:library="http://openoffice.org/2000/library" library:name="{Library}" library:readonly="false" library:passwordprotected="false"/>""");
        foreach (var kind in new[] { "script", "dialog" })
            if (!File.Exists(Path.Combine(profile, "user", "basic", kind + ".xlc")))
                File.WriteAllText(Path.Combine(profile, "user", "basic", kind + ".xlc"), Header +
                $"""<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink"><library:library library:name="{Library}" xlink:href="$(USER)/basic/{Library}/{kind}.xlb/" xlink:type="simple" library:link="false"/></library:libraries>""");
    }

    /// <summary>The macro URL that converts each (input, output) pair, writing a failure to <paramref name="errorFile"/>.</summary>
    public static string Url(IEnumerable<(string Input, string Output)> jobs, string errorFile) =>
        $"macro:///{Library}.{Module}.ExportAll(\"{string.Join('|', jobs.Select(j => $"{FileUrl(j.Input)}*{FileUrl(j.Output)}"))}\",\"{errorFile}\")";

    private static string FileUrl(string path) => new Uri(path).AbsoluteUri;
}
