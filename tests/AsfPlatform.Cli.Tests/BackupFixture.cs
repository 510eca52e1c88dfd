using AsfPlatform.Access;
using AsfPlatform.Composition;
using AsfPlatform.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Cli.Tests;

/// <summary>
/// The original installation of the backup tests: a SQLite database with the sample dataset (asf init) and a few audit
/// entries, its ten board documents generated once, and the backups of both sample owners taken with asf backup.
/// </summary>
public sealed class BackupFixture : IAsyncLifetime
{
    public const string Owner = "finsam-gavleborg", RegionOwner = "region-gavleborg";

    /// <summary>An owner whose id starts with <see cref="Owner"/>'s: its entries must stay out of that owner's backup.</summary>
    public const string LookAlikeOwner = "finsam-gavleborg-annan";

    /// <summary>A fixed generation time, so the documents of both installations can be compared byte for byte.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private const string Ockelbo = "2101", Gavle = "2180", Hudiksvall = "2184", Insats = "asf-2016-2020";

    /// <summary>The ten board documents of the sample dataset (the same runs as the plugin tests' BoardDocuments).</summary>
    public static IReadOnlyList<(string Name, string ReportId, ReportArguments Arguments)> Reports { get; } =
    [
        ("handlingsplan-2017", "handlingsplan", new(Owner, Insats, 2017)),
        ("handlingsplan-2017-06-30", "handlingsplan", new(Owner, Insats, 2017, AsOfDate: new DateOnly(2017, 6, 30))),
        ("handlingsplan-region-2018", "handlingsplan", new(RegionOwner, "fler-i-arbete-genom-asf", 2018)),
        ("lagesrapport-2017-06-30", "lagesrapport", new(Owner, Insats, AsOfDate: new DateOnly(2017, 6, 30))),
        ("lagesrapport-2017-12-31", "lagesrapport", new(Owner, Insats, AsOfDate: new DateOnly(2017, 12, 31))),
        ("kommunrapport-ockelbo-2017", "kommunrapport", new(Owner, Insats, 2017, Ockelbo)),
        ("kommunrapport-gavle-2017", "kommunrapport", new(Owner, Insats, 2017, Gavle)),
        ("kommunrapport-hudiksvall-2018", "kommunrapport", new(Owner, Insats, 2018, Hudiksvall)),
        ("slutrapport", "slutrapport", new(Owner, Insats)),
        ("slutrapport-2018-12-31", "slutrapport", new(Owner, Insats, AsOfDate: new DateOnly(2018, 12, 31))),
    ];

    public InitializedDatabase Original { get; } = new();
    public string Folder => Original.WorkingDirectory;
    public string OwnerBackup => Path.Combine(Folder, "finsam.zip");
    public string RegionBackup => Path.Combine(Folder, "region.zip");
    public IReadOnlyDictionary<string, byte[]> OriginalReports { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> OriginalAudit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Original.InitializeAsync();
        await using (var runtime = await StartAsync(AsfStorage.Sqlite(Original.Database.FilePath), Folder))
        {
            var log = runtime.Services.GetRequiredService<IAuditLog>();
            await log.AppendAsync(new AuditRecord("anna", "organisation", Owner, "organisationen ändrad", "{\"name\":\"Före\"}", "{\"name\":\"Efter\"}"));
            await log.AppendAsync(new AuditRecord("bertil", "företag", $"{Owner}/company/asf-gladjeverket", "siffror registrerade per 2017-12-31",
                null, "{\"anstallda\":4}", "rättelse efter årsredovisningen"));
            await log.AppendAsync(new AuditRecord("cecilia", "företag", $"{LookAlikeOwner}/company/x", "företag registrerat: X", null, "{}"));
            OriginalAudit = await runtime.Services.GetRequiredService<IAuditArchive>().ReadOwnerAsync(Owner);
            OriginalReports = await RunReportsAsync(runtime);
        }
        foreach (var (owner, file) in new[] { (Owner, OwnerBackup), (RegionOwner, RegionBackup) })
        {
            var backup = await Original.RunAsync("backup", "--owner", owner, "--out", file);
            Assert.True(backup.ExitCode == 0, backup.ToString());
        }
    }

    /// <summary>A runtime of the asf command on <paramref name="storage"/> with the built-in reports.</summary>
    internal static Task<CliRuntime> StartAsync(AsfStorage storage, string workingDirectory) =>
        CliRuntime.StartAsync(storage, CliRun.Environment(workingDirectory, TextWriter.Null, TextWriter.Null), null,
            new ReportingOptions { ApplicationDirectory = AppContext.BaseDirectory }, CancellationToken.None);

    /// <summary>The ten documents as the installation behind <paramref name="runtime"/> generates them.</summary>
    internal static async Task<IReadOnlyDictionary<string, byte[]>> RunReportsAsync(CliRuntime runtime)
    {
        var runner = runtime.Services.GetRequiredService<ReportRunner>();
        var documents = new Dictionary<string, byte[]>();
        foreach (var (name, reportId, arguments) in Reports)
            documents[name] = await runner.RunAsync(reportId, arguments, GeneratedAt);
        return documents;
    }

    public Task DisposeAsync() => Original.DisposeAsync();
}
