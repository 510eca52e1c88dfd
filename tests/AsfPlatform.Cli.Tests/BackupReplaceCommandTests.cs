using AsfPlatform.Access;
using AsfPlatform.Backup;
using AsfPlatform.Composition;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Cli.Tests;

/// <summary>asf restore --replace: an owner that is here gets the backup's content, each change audited with the file's
/// name; what the domain could not undo refuses the whole replace before anything is written.</summary>
public sealed class BackupReplaceCommandTests(BackupFixture fixture) : IClassFixture<BackupFixture>
{
    private const string Reason = "ersatt från säkerhetskopia finsam.zip";

    [Fact]
    public async Task A_replace_brings_changed_added_and_removed_records_back_to_the_backup_and_the_ten_documents_equal_the_originals()
    {
        using var target = new TempSqliteDatabase("replace");
        var storage = AsfStorage.Sqlite(target.FilePath);
        foreach (var file in new[] { fixture.OwnerBackup, fixture.RegionBackup })
        {
            var restore = await CliRun.RunAsync(fixture.Folder, null, "restore", file, "--database", target.FilePath);
            Assert.True(restore.ExitCode == 0, restore.ToString());
        }
        var document = await ReadAsync(fixture.OwnerBackup);
        await using (var runtime = await BackupFixture.StartAsync(storage, fixture.Folder))
            await ChangeEverywhereAsync(runtime.Grains, document);

        var replace = await CliRun.RunAsync(fixture.Folder, null, "restore", fixture.OwnerBackup, "--database", target.FilePath, "--replace");

        Assert.True(replace.ExitCode == 0, replace.ToString());
        Assert.Contains("har ersatts", replace.Out);
        await using var replaced = await BackupFixture.StartAsync(storage, fixture.Folder);
        var documents = await BackupFixture.RunReportsAsync(replaced);
        foreach (var (name, original) in fixture.OriginalReports)
            Assert.True(original.AsSpan().SequenceEqual(documents[name]), $"{name} skiljer sig från originalets dokument.");
        var audit = await replaced.Services.GetRequiredService<IAuditArchive>().ReadOwnerAsync(BackupFixture.Owner);
        var changes = audit.Where(e => e.Reason == Reason).ToList();
        // At least one entry per record changed (records after a removed one in its list are recorded again, in order).
        Assert.True(changes.Count >= 6, string.Join("\n", changes.Select(e => $"{e.EntityId}: {e.Action}")));
        Assert.Contains(changes, e => e.Action.Contains("borttagen", StringComparison.Ordinal) && e.AfterJson is null);
        Assert.Contains(changes, e => e.Action.Contains("registrerad", StringComparison.Ordinal) && e.BeforeJson is null);
        Assert.Contains(audit, e => e.Action.StartsWith($"Ersatt med säkerhetskopia {document.Manifest.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_company_the_backup_lacks_refuses_the_replace_naming_it_and_nothing_is_written()
    {
        using var target = new TempSqliteDatabase("replace-refused");
        var storage = AsfStorage.Sqlite(target.FilePath);
        var restore = await CliRun.RunAsync(fixture.Folder, null, "restore", fixture.OwnerBackup, "--database", target.FilePath);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var document = await ReadAsync(fixture.OwnerBackup);
        BackupDocument before;
        await using (var runtime = await BackupFixture.StartAsync(storage, fixture.Folder))
        {
            await ChangeEverywhereAsync(runtime.Grains, document);
            var company = document.Companies[0].Company with { Id = "asf-nytt", Name = "Nytt ASF", OrganisationNumber = null };
            await runtime.Grains.GetGrain<ICompanyGrain>(GrainKeys.Company(BackupFixture.Owner, company.Id))
                .Register(new RegisterCompany(company, ExpectedVersion: 0));
            before = await new BackupWriter(runtime.Grains, runtime.Services.GetRequiredService<IAuditArchive>()).ReadAsync(BackupFixture.Owner);
        }

        var replace = await CliRun.RunAsync(fixture.Folder, null, "restore", fixture.OwnerBackup, "--database", target.FilePath, "--replace");

        Assert.Equal(ExitCodes.InvalidInput, replace.ExitCode);
        Assert.Contains("företaget asf-nytt finns här men saknas i säkerhetskopian", replace.Error);
        Assert.Contains("inget har ändrats", replace.Error);
        await using var after = await BackupFixture.StartAsync(storage, fixture.Folder);
        var now = await new BackupWriter(after.Grains, after.Services.GetRequiredService<IAuditArchive>()).ReadAsync(BackupFixture.Owner);
        Assert.Equal(Json(before with { Manifest = null! }), Json(now with { Manifest = null! }));
    }

    /// <summary>Six changes through the grains' ordinary paths: figures added, an event removed and one added, a
    /// placement changed, a narrative milestone removed, and a milestone of a municipality (shared with the region) removed.</summary>
    internal static async Task ChangeEverywhereAsync(IGrainFactory grains, BackupDocument document)
    {
        const string owner = BackupFixture.Owner;
        await grains.GetGrain<ICompanyGrain>(GrainKeys.Company(owner, document.Companies[0].Company.Id))
            .RecordFigures(new RecordCompanyFigures(new(new DateOnly(2018, 6, 30), 3, 2, 5, 1, 1, 0)));

        var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(owner, document.Events[0].InsatsId));
        await insats.RemoveEvent(document.Events[0].Event.Id);
        var copy = document.Events[1].Event;
        await insats.SaveEvent(new RecordInformationEvent(copy with { Id = copy.Id + "-kopia", Title = "Extra informationsmöte" }, CreateOnly: true));
        var placement = document.Placements[0].Placement;
        await insats.RecordPlacement(new RecordPlacement(placement with { PlacesGranted = placement.PlacesGranted + 5 }));
        await insats.RemoveMilestone(document.Narratives[0].Milestone.Id);

        var municipality = document.Municipalities.First(m => m.Milestones.Count > 0);
        await grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(owner, municipality.Kommunkod))
            .RemoveMilestone(municipality.Milestones[0].Id);
    }

    private static async Task<BackupDocument> ReadAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        return await BackupReader.ReadAsync(stream);
    }

    private static string Json(BackupDocument document) => System.Text.Json.JsonSerializer.Serialize(document);
}
