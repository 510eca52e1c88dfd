using DocumentFormat.OpenXml.Packaging;

namespace AsfPlatform.Cli.Tests;

public class ReportCommandTests(InitializedDatabase db) : IClassFixture<InitializedDatabase>
{
    private const string Owner = "finsam-gavleborg", Insats = "asf-2016-2020";

    private string OutPath(string name) => Path.Combine(db.WorkingDirectory, name);

    private static string BodyText(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart?.Document.Body;
        Assert.NotNull(body);
        return body.InnerText;
    }

    [Fact]
    public async Task Reports_list_shows_the_built_in_reports_with_their_parameters()
    {
        var result = await db.RunAsync("reports", "list");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var id in new[] { "handlingsplan", "lagesrapport", "slutrapport", "kommunrapport" })
            Assert.Contains(id, result.Out);
        Assert.Contains("--municipality", result.Out);
    }

    [Fact]
    public async Task Reports_list_names_a_drop_in_that_failed_to_load_and_why()
    {
        var folder = Directory.CreateTempSubdirectory("asf-dropin-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "Trasig.dll"), "ingen assembly");
        var result = await db.RunAsync("reports", "list", "--plugins", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Rapporter som inte kunde laddas", result.Out);
        Assert.Contains("Trasig.dll", result.Out);
        Assert.Contains("ingen giltig .NET-assembly", result.Out);
        Assert.Contains("cli-kommunprov", result.Out); // the others still load
    }

    [Fact]
    public async Task A_report_is_written_as_a_word_document_with_data_from_the_database()
    {
        var path = OutPath("prov-2183.docx");
        var result = await db.RunAsync("report", "cli-kommunprov", "--owner", Owner, "--insats", Insats,
            "--municipality", "2183", "--year", "2018", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(path, result.Out);
        var text = BodyText(path);
        Assert.Contains("Kommunprov Bollnäs 2018", text);
        Assert.Contains("Händelser under året:", text);
    }

    [Fact]
    public async Task The_built_in_kommunrapport_is_written_as_a_word_document()
    {
        var path = OutPath("k.docx");
        var result = await db.RunAsync("report", "kommunrapport", "--owner", Owner, "--insats", Insats,
            "--municipality", "2183", "--year", "2018", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Bollnäs", BodyText(path));
    }

    [Fact]
    public async Task Pdf_writes_a_pdf_beside_the_docx_through_libreoffice_or_says_clearly_that_it_is_missing()
    {
        var path = OutPath("med-pdf.docx");
        var result = await db.RunAsync("report", "cli-kommunprov", "--owner", Owner, "--insats", Insats,
            "--municipality", "2180", "--year", "2018", "--out", path, "--pdf");
        Assert.True(File.Exists(path));
        if (AsfPlatform.Reporting.PdfConverter.FindSoffice() is null)
        {
            Assert.Equal(ExitCodes.Failed, result.ExitCode);
            Assert.Contains("LibreOffice", result.Error);
            return;
        }
        Assert.True(result.ExitCode == 0, result.ToString());
        var pdf = await File.ReadAllBytesAsync(Path.ChangeExtension(path, ".pdf"));
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }

    [Theory]
    [InlineData("--municipality", "--owner", Owner, "--insats", Insats, "--year", "2018")]
    [InlineData("--year", "--owner", Owner, "--insats", Insats, "--municipality", "2183")]
    [InlineData("--insats", "--owner", Owner, "--municipality", "2183", "--year", "2018")]
    public async Task A_missing_parameter_is_an_error_naming_the_option(string missing, params string[] given)
    {
        var path = OutPath($"saknas{missing}.docx");
        var result = await db.RunAsync(["report", "cli-kommunprov", .. given, "--out", path]);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(missing, result.Error);
        Assert.Contains("saknas", result.Error);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("--year", "tjugo")]
    [InlineData("--municipality", "218")]
    [InlineData("--as-of", "30/6 2018")]
    public async Task An_invalid_value_is_an_error_naming_the_option(string option, string value)
    {
        string[] args = ["report", "cli-kommunprov", "--owner", Owner, "--insats", Insats, "--municipality", "2183", "--year", "2018", "--out", OutPath("ogiltig.docx")];
        var index = Array.IndexOf(args, option);
        if (index >= 0) args[index + 1] = value; else args = [.. args, option, value];
        var result = await db.RunAsync(args);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(option, result.Error);
        Assert.Contains(value, result.Error);
    }

    [Fact]
    public async Task An_unknown_report_id_is_an_error_that_lists_the_reports()
    {
        var result = await db.RunAsync("report", "finnsinte", "--owner", Owner, "--out", OutPath("x.docx"));
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("finns ingen rapport med id \"finnsinte\"", result.Error);
        Assert.Contains("cli-kommunprov", result.Error);
    }

    [Fact]
    public async Task A_failing_plugin_ends_with_a_clear_error_and_exit_code_1_without_a_stack_trace()
    {
        var path = OutPath("trasig.docx");
        var result = await db.RunAsync("report", "cli-trasig", "--owner", Owner, "--out", path);
        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("Rapporten \"cli-trasig\" kunde inte skapas", result.Error);
        Assert.Contains("Trasig med flit", result.Error);
        Assert.DoesNotContain("   at ", result.Error + result.Out);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Out_is_required_and_must_be_docx_or_pdf()
    {
        var none = await db.RunAsync("report", "cli-trasig", "--owner", Owner);
        Assert.Equal(ExitCodes.InvalidInput, none.ExitCode);
        Assert.Contains("--out", none.Error);
        var txt = await db.RunAsync("report", "cli-trasig", "--owner", Owner, "--out", "r.txt");
        Assert.Equal(ExitCodes.InvalidInput, txt.ExitCode);
        Assert.Contains(".docx", txt.Error);
    }

    [Fact]
    public async Task All_municipalities_writes_one_report_per_municipality_with_plain_progress_lines()
    {
        var dir = OutPath("alla");
        var result = await db.RunAsync("report", "cli-kommunprov", "--all-municipalities", "--owner", Owner, "--insats", Insats,
            "--year", "2018", "--out-dir", dir);
        Assert.True(result.ExitCode == 0, result.ToString());
        var files = Directory.GetFiles(dir, "*.docx");
        Assert.Equal(10, files.Length);
        Assert.Contains(Path.Combine(dir, "cli-kommunprov-2180-2018.docx"), files);
        Assert.Contains("Kommunprov Gävle 2018", BodyText(Path.Combine(dir, "cli-kommunprov-2180-2018.docx")));
        Assert.Contains("[1/10]", result.Out);
        Assert.Contains("[10/10]", result.Out);
    }

    [Fact]
    public async Task Every_kommunrapport_of_a_year_is_written()
    {
        var dir = OutPath("kommunrapporter");
        var result = await db.RunAsync("report", "kommunrapport", "--all-municipalities", "--owner", Owner, "--insats", Insats,
            "--year", "2018", "--out-dir", dir);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(10, Directory.GetFiles(dir, "kommunrapport-*-2018.docx").Length);
    }
}

public class EmptyDatabaseTests
{
    [Fact]
    public async Task A_report_on_an_empty_database_loads_the_dataset_first_and_says_so()
    {
        using var database = new AsfPlatform.TestSupport.TempSqliteDatabase("tom");
        var work = Directory.CreateTempSubdirectory("asf-cli-").FullName;
        var path = Path.Combine(work, "r.docx");
        var result = await CliRun.RunAsync(work, null, "report", "cli-kommunprov", "--owner", "finsam-gavleborg", "--insats", "asf-2016-2020",
            "--kommun", "2180", "--year", "2017", "--out", path, "--database", database.FilePath);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Databasen är tom", result.Out);
        Assert.True(File.Exists(path));
    }
}
