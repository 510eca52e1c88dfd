using System.Net.Http.Headers;
using System.Net.Http.Json;
using AsfPlatform.Spreadsheets;
using BenchmarkDotNet.Attributes;

namespace AsfPlatform.Benchmarks.Excel;

/// <summary>
/// The import of 1,000 company-figure rows (10 companies × 100 dates of 2018) through the API of a real host with the
/// sample dataset: the preview (read, check and diff every row, nothing written) and the apply (every row written
/// through DomainWriter with its audit entry, all or none), separately. Each apply is given a fresh preview in which
/// every row changes, so every iteration writes 1,000 rows. <see cref="Lanes"/> 1 is the baseline: row after row, as
/// before rows of different companies were written side by side.
/// </summary>
[Config(typeof(SlowWorkConfig))]
public class ImportBenchmarks
{
    private const string Base = "/api/owners/finsam-gavleborg/import/foretagsuppgifter/";
    private const string FileType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private BenchmarkHost _host = null!;
    private HttpClient _admin = null!;
    private IReadOnlyList<SheetColumn> _headings = null!;
    private byte[] _file = null!;
    private string _etag = null!;
    private int _round;

    /// <summary>How many companies' rows are written at once (the host's Import:ParallelLanes).</summary>
    [Params(1, 8)]
    public int Lanes { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = new BenchmarkHost(loadDataset: true, Lanes);
        _admin = await _host.AdminClientAsync();
        for (var i = 0; i < 10; i++)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/owners/finsam-gavleborg/companies")
            {
                Content = JsonContent.Create(new { id = $"asf-bench-{i}", name = $"Mätning {i}", legalForm = "Aktiebolag", kommunkod = "2183",
                    criteria = new { integrationAim = true, participation = true, profitsReinvested = true, independent = true } }),
            };
            create.Headers.TryAddWithoutValidation("If-None-Match", "*");
            (await _admin.SendAsync(create)).EnsureSuccessStatusCode();
        }
        var template = await (await _admin.GetAsync(Base + "template?ar=2018")).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        _headings = WorkbookReader.Read(new MemoryStream(template)).Sheet("Företagsuppgifter")!.Heading!.Cells.Values
            .Select(c => new SheetColumn(c.Text)).ToList();
        _file = File(round: 0);
    }

    /// <summary>Previews the 1,000 rows (all new at first, so each one is diffed against nothing stored).</summary>
    [Benchmark]
    public async Task<int> Preview()
    {
        using var response = await PreviewAsync(_file);
        return (int)response.StatusCode;
    }

    [IterationSetup(Target = nameof(Apply))]
    public void PreviewForApply()
    {
        // Counts change every round, so every row of every apply is a write.
        using var response = PreviewAsync(File(++_round)).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        _etag = response.Headers.ETag!.Tag;
    }

    /// <summary>Applies the previewed 1,000 rows: every row written and audited, all or none.</summary>
    [Benchmark]
    public async Task<int> Apply()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "apply");
        request.Headers.TryAddWithoutValidation("If-Match", _etag);
        using var response = await _admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (int)response.StatusCode;
    }

    [GlobalCleanup]
    public void CleanUp() => _host.Dispose();

    private byte[] File(int round) => WorkbookWriter.Write([new SheetSpec("Företagsuppgifter", _headings,
        Enumerable.Range(0, 1000).Select(i => (IReadOnlyList<object?>)
            [$"asf-bench-{i % 10}", null, null, new DateOnly(2018, 1, 1).AddDays(i / 10), (i + round) % 7, (i + round) % 5, round % 3, 1, 0]).ToList())]);

    private async Task<HttpResponseMessage> PreviewAsync(byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(FileType);
        form.Add(content, "file", "tusen-rader.xlsx");
        return await _admin.PostAsync(Base + "preview?ar=2018", form);
    }
}
