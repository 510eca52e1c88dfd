using System.Diagnostics;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Reporting.Tests;

public sealed class ReportRunnerTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2018, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly DropInFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ReportRunner Runner(TimeSpan? timeout = null)
    {
        var options = _folder.Options(timeout);
        options.BuiltInAssemblies.Add(typeof(MunicipalityYearReport).Assembly);
        return new ReportRunner(ReportCatalog.Create(options), new ArgumentsOnlyReportContextFactory(), Options.Create(options));
    }

    [Fact]
    public async Task A_drop_in_report_runs_into_a_valid_reproducible_Word_document()
    {
        var runner = Runner();
        var first = await runner.RunAsync("test-bra", new ReportArguments(Year: 2017), At);
        var second = await runner.RunAsync("test-bra", new ReportArguments(Year: 2017), At);

        Assert.Equal(first, second);
        using var document = WordprocessingDocument.Open(new MemoryStream(first), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        Assert.Contains("Året är 2017.", document.MainDocumentPart!.Document.InnerText);
    }

    [Fact]
    public async Task A_plugin_that_throws_yields_ReportFailedException_naming_it_and_the_reason_and_others_still_run()
    {
        var runner = Runner();
        var error = await Assert.ThrowsAsync<ReportFailedException>(() => runner.RunAsync("test-fel", new ReportArguments(), At));

        Assert.Equal("test-fel", error.ReportId);
        Assert.Contains("Rapporten \"test-fel\" kunde inte skapas", error.Message);
        Assert.Contains("Planen saknar indikatorer", error.Message);
        Assert.NotEmpty(await runner.RunAsync("test-bra", new ReportArguments(Year: 2017), At));
    }

    [Theory]
    [InlineData("test-seg")]
    [InlineData("test-blockerar")]
    public async Task A_plugin_past_the_time_limit_is_abandoned_with_a_clear_error_and_the_next_report_runs(string id)
    {
        var runner = Runner(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ReportFailedException>(() => runner.RunAsync(id, new ReportArguments(), At));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"tog {clock.Elapsed}");
        Assert.Equal(id, error.ReportId);
        Assert.Contains("tog längre tid än tidsgränsen 0,3 s", error.Message.Replace('.', ','));
        Assert.NotEmpty(await runner.RunAsync("test-bra", new ReportArguments(Year: 2017), At));
    }

    [Fact]
    public async Task A_missing_required_parameter_is_refused_before_the_plugin_runs_naming_the_parameter()
    {
        var runner = Runner();
        var error = await Assert.ThrowsAsync<ReportParameterException>(() => runner.RunAsync("kommun-test", new ReportArguments(Year: 2017), At));
        Assert.Equal(ReportParameterKind.Municipality, error.Parameter);
        Assert.Equal("Rapporten \"kommun-test\" kräver parametern \"kommun\", som saknas.", error.Message);

        var both = Assert.Throws<ReportParameterException>(() => runner.Validate("kommun-test", new ReportArguments()));
        Assert.Contains("parametrarna \"år\", \"kommun\"", both.Message);

        var badCode = Assert.Throws<ReportParameterException>(() => runner.Validate("kommun-test", new ReportArguments(Year: 2017, Municipality: "Gävle")));
        Assert.Contains("kommunkod med fyra siffror", badCode.Message);
    }

    [Fact]
    public async Task An_unknown_report_id_lists_the_reports_there_are()
    {
        var error = await Assert.ThrowsAsync<ReportNotFoundException>(() => Runner().RunAsync("finns-inte", new ReportArguments(), At));
        Assert.StartsWith("Det finns ingen rapport med id \"finns-inte\". Tillgängliga rapporter: kommun-test, ", error.Message);
    }

    [Fact]
    public async Task AddAsfReporting_wires_catalog_runner_and_pdf_converter_from_options()
    {
        var services = new ServiceCollection()
            .AddAsfReporting(options =>
            {
                options.PluginDirectory = _folder.Path;
                options.ScanApplicationDirectory = false;
                options.BuiltInAssemblies.Add(typeof(MunicipalityYearReport).Assembly);
            })
            .BuildServiceProvider();

        var runner = services.GetRequiredService<ReportRunner>();
        Assert.Same(services.GetRequiredService<ReportCatalog>(), runner.Catalog);
        Assert.NotNull(services.GetRequiredService<PdfConverter>());
        using var output = new MemoryStream();
        await runner.RunAsync("kommun-test", new ReportArguments(Year: 2017, Municipality: "2180"), output, At);
        using var document = WordprocessingDocument.Open(new MemoryStream(output.ToArray()), false);
        Assert.Contains("Per 2017-12-31.", document.MainDocumentPart!.Document.InnerText);
    }
}
