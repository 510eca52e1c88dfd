using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

/// <summary>
/// Every built-in report run on the dataset the way the board receives them: the whole-document checks (wording,
/// layout) go through this one list, so a new report or case is checked by all of them at once.
/// </summary>
public static class BoardDocuments
{
    private const string Ockelbo = "2101", Gavle = "2180", Hudiksvall = "2184";

    /// <summary>A name for files and messages, the report id and the arguments.</summary>
    public static IReadOnlyList<(string Name, string ReportId, ReportArguments Arguments)> Runs { get; } =
    [
        ("handlingsplan-2017", "handlingsplan", new(DatasetFixture.Owner, DatasetFixture.Insats, 2017)),
        ("handlingsplan-2017-06-30", "handlingsplan", new(DatasetFixture.Owner, DatasetFixture.Insats, 2017, AsOfDate: new DateOnly(2017, 6, 30))),
        ("handlingsplan-region-2018", "handlingsplan", new(DatasetFixture.RegionOwner, DatasetFixture.RegionInsats, 2018)),
        ("lagesrapport-2017-06-30", "lagesrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, AsOfDate: new DateOnly(2017, 6, 30))),
        ("lagesrapport-2017-12-31", "lagesrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, AsOfDate: new DateOnly(2017, 12, 31))),
        ("kommunrapport-ockelbo-2017", "kommunrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, 2017, Ockelbo)),
        ("kommunrapport-gavle-2017", "kommunrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, 2017, Gavle)),
        ("kommunrapport-hudiksvall-2018", "kommunrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, 2018, Hudiksvall)),
        ("slutrapport", "slutrapport", new(DatasetFixture.Owner, DatasetFixture.Insats)),
        ("slutrapport-2018-12-31", "slutrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, AsOfDate: new DateOnly(2018, 12, 31))),
    ];

    /// <summary>The run names as xunit theory data.</summary>
    public static TheoryData<string> Names => new(Runs.Select(r => r.Name));

    /// <summary>Runs the named case on the fixture's dataset.</summary>
    public static async Task<ReportDocument> RunAsync(DatasetFixture fixture, string name)
    {
        var run = Runs.Single(r => r.Name == name);
        return new ReportDocument(await fixture.RunAsync(run.ReportId, run.Arguments));
    }
}
