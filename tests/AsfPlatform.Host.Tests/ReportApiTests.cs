using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Reporting;

namespace AsfPlatform.Host.Tests;

public sealed class ReportApiTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private static readonly object Handlingsplan2017 = new { owner = "finsam-gavleborg", insats = "asf-2016-2020", year = 2017 };

    private async Task<HttpClient> AdminAsync()
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    [Fact]
    public async Task The_built_in_reports_are_listed_with_their_parameters()
    {
        var list = await (await AdminAsync()).GetFromJsonAsync<JsonElement>("/api/reports");

        var ids = list.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("handlingsplan", ids);
        Assert.Equal(factory.Services.GetRequiredService<PdfConverter>().IsAvailable, list.GetProperty("pdfAvailable").GetBoolean());
    }

    [Fact]
    public async Task A_handlingsplan_is_generated_as_a_Word_document()
    {
        var response = await (await AdminAsync()).PostAsJsonAsync("/api/reports/handlingsplan", Handlingsplan2017);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("handlingsplan-asf-2016-2020-2017.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(zip.GetEntry("word/document.xml"));
    }

    [Fact]
    public async Task A_missing_parameter_is_named_in_the_problem()
    {
        var response = await (await AdminAsync()).PostAsJsonAsync("/api/reports/handlingsplan", new { owner = "finsam-gavleborg" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("insats", out var reason), problem.ToString());
        Assert.Contains("\"insats\"", reason[0].GetString());
    }

    [Fact]
    public async Task PDF_is_made_when_LibreOffice_is_installed_and_refused_with_503_otherwise()
    {
        var response = await (await AdminAsync()).PostAsJsonAsync("/api/reports/handlingsplan?format=pdf", Handlingsplan2017);

        if (factory.Services.GetRequiredService<PdfConverter>().IsAvailable)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("LibreOffice", await response.Content.ReadAsStringAsync());
        }
    }
}
