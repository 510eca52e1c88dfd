using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsfPlatform.Access;
using AsfPlatform.Backup;
using AsfPlatform.Composition;
using AsfPlatform.Contracts;
using AsfPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Cli.Tests;

[CollectionDefinition(PostgresServerFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;

/// <summary>asf backup and asf restore: the sample dataset moved to an empty SQLite and PostgreSQL installation gives the
/// same board documents, and every bad file or occupied target is refused before anything is written.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class BackupCommandTests(BackupFixture fixture, PostgresServerFixture postgres) : IClassFixture<BackupFixture>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_sample_dataset_restored_into_an_empty_installation_gives_the_same_ten_documents_byte_for_byte(string provider)
    {
        using var sqlite = new TempSqliteDatabase("restored");
        var (storage, option) = provider == "postgres"
            ? await PostgresTargetAsync()
            : (AsfStorage.Sqlite(sqlite.FilePath), new[] { "--database", sqlite.FilePath });

        foreach (var file in new[] { fixture.OwnerBackup, fixture.RegionBackup })
        {
            var restore = await CliRun.RunAsync(fixture.Folder, null, ["restore", file, .. option]);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Contains("är återställd", restore.Out);
        }

        await using var runtime = await BackupFixture.StartAsync(storage, fixture.Folder);
        var restored = await BackupFixture.RunReportsAsync(runtime);
        foreach (var (name, original) in fixture.OriginalReports)
            Assert.True(original.AsSpan().SequenceEqual(restored[name]), $"{name} skiljer sig från originalets dokument.");
    }

    [Fact]
    public async Task The_owners_audit_entries_come_back_with_their_times_and_actors_plus_one_entry_naming_the_restore()
    {
        using var target = new TempSqliteDatabase("audit");
        var restore = await CliRun.RunAsync(fixture.Folder, null, "restore", fixture.OwnerBackup, "--database", target.FilePath);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        await using var runtime = await BackupFixture.StartAsync(AsfStorage.Sqlite(target.FilePath), fixture.Folder);
        var archive = runtime.Services.GetRequiredService<IAuditArchive>();
        var entries = await archive.ReadOwnerAsync(BackupFixture.Owner);
        Assert.Equal(fixture.OriginalAudit.Count + 1, entries.Count);
        Assert.Equal(2, fixture.OriginalAudit.Count);
        Assert.Equal(fixture.OriginalAudit.Select(Comparable), entries.Take(fixture.OriginalAudit.Count).Select(Comparable));
        var last = entries[^1];
        Assert.StartsWith("Återställd från säkerhetskopia", last.Action);
        Assert.Contains("finsam.zip", last.Action);
        Assert.StartsWith("asf-cli:", last.Actor);
        Assert.Empty(await archive.ReadOwnerAsync(BackupFixture.LookAlikeOwner));
    }

    [Fact]
    public async Task A_restore_over_an_owner_that_exists_is_refused_and_changes_nothing()
    {
        var restore = await fixture.Original.RunAsync("restore", fixture.OwnerBackup);

        Assert.Equal(ExitCodes.InvalidInput, restore.ExitCode);
        Assert.Contains("finns redan", restore.Error);
        await using var runtime = await BackupFixture.StartAsync(AsfStorage.Sqlite(fixture.Original.Database.FilePath), fixture.Folder);
        Assert.Equal(fixture.OriginalAudit.Count, (await runtime.Services.GetRequiredService<IAuditArchive>().ReadOwnerAsync(BackupFixture.Owner)).Count);
        var ledger = await runtime.Grains.GetGrain<IDatasetLedgerGrain>(GrainKeys.DatasetLedger(BackupFixture.Owner)).GetApplied();
        Assert.DoesNotContain(ledger, k => k.StartsWith(BackupRestorer.MarkerPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interrupted_restore_is_completed_by_running_the_same_restore_again_and_then_refused()
    {
        using var target = new TempSqliteDatabase("resume");
        var storage = AsfStorage.Sqlite(target.FilePath);
        BackupDocument document;
        await using (var stream = File.OpenRead(fixture.OwnerBackup))
            document = await BackupReader.ReadAsync(stream);
        await using (var runtime = await BackupFixture.StartAsync(storage, fixture.Folder))
        {
            // What a run that stopped after its first writes leaves behind: its started marker, the owner, one company.
            await runtime.Grains.GetGrain<IDatasetLedgerGrain>(GrainKeys.DatasetLedger(BackupFixture.Owner))
                .MarkApplied([$"{BackupRestorer.MarkerPrefix}{document.Manifest.Id}/started"]);
            await runtime.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(BackupFixture.Owner))
                .SaveProfile(new SaveOwnerProfile(document.Owner.Profile, CreateOnly: true));
            var company = document.Companies[0].Company;
            await runtime.Grains.GetGrain<ICompanyGrain>(GrainKeys.Company(BackupFixture.Owner, company.Id))
                .Register(new RegisterCompany(company, ExpectedVersion: 0));
        }

        var resumed = await CliRun.RunAsync(fixture.Folder, null, "restore", fixture.OwnerBackup, "--database", target.FilePath);
        var again = await CliRun.RunAsync(fixture.Folder, null, "restore", fixture.OwnerBackup, "--database", target.FilePath);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("avbruten", resumed.Out);
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        await using var restored = await BackupFixture.StartAsync(storage, fixture.Folder);
        var copy = await new BackupWriter(restored.Grains, restored.Services.GetRequiredService<IAuditArchive>()).ReadAsync(BackupFixture.Owner);
        Assert.Equal(Json(document with { Manifest = null!, AuditLog = [] }), Json(copy with { Manifest = null!, AuditLog = [] }));
        Assert.Equal(document.AuditLog.Count + 1, copy.AuditLog.Count);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "truncated", "avkortad" },
        { "not-a-zip", "ingen säkerhetskopia" },
        { "changed-file", "events.json: kontrollsumman stämmer inte" },
        { "newer-version", "formatversion 2 är skapad av en nyare version" },
        { "wrong-count", "antalet events" },
        { "personnummer", "personnummer" },
        { "unknown-insats", "insatsen \"finns-inte\" finns inte i insatser.json" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_damaged_or_refused_backup_is_refused_naming_what_is_wrong_and_nothing_is_stored(string damage, string expected)
    {
        using var target = new TempSqliteDatabase("bad");
        var file = Path.Combine(fixture.Folder, $"{damage}.zip");
        await File.WriteAllBytesAsync(file, await DamageAsync(await File.ReadAllBytesAsync(fixture.OwnerBackup), damage));

        var restore = await CliRun.RunAsync(fixture.Folder, null, "restore", file, "--database", target.FilePath);

        Assert.True(restore.ExitCode == ExitCodes.InvalidInput, restore.ToString());
        // The console wraps long lines; the message is read as one line.
        var error = Regex.Replace(restore.Error, @"\s+", " ");
        Assert.Contains(expected, error);
        Assert.Contains("Inget har ändrats", error);
        // The whole file is checked before the database is even opened.
        Assert.False(File.Exists(target.FilePath));
    }

    [Fact]
    public async Task A_backup_of_an_owner_that_does_not_exist_names_the_option()
    {
        var backup = await fixture.Original.RunAsync("backup", "--owner", "finns-inte", "--out", Path.Combine(fixture.Folder, "x.zip"));

        Assert.Equal(ExitCodes.InvalidInput, backup.ExitCode);
        Assert.Contains("--owner", backup.Error);
        Assert.False(File.Exists(Path.Combine(fixture.Folder, "x.zip")));
    }

    [Fact]
    public async Task The_manifest_states_the_version_owner_counts_and_a_checksum_per_file()
    {
        await using var stream = File.OpenRead(fixture.OwnerBackup);
        var document = await BackupReader.ReadAsync(stream);

        Assert.Equal(BackupFormat.CurrentVersion, document.Manifest.FormatVersion);
        Assert.Equal(BackupFixture.Owner, document.Manifest.OwnerId);
        Assert.Equal(BackupFormat.DataFiles, document.Manifest.Files.Select(f => f.Name));
        Assert.All(document.Manifest.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        Assert.True(document.Manifest.Counts["events"] > 0 && document.Manifest.Counts["events"] == document.Events.Count);
        Assert.True(document.Companies.Count > 0 && document.Plans.Count > 0 && document.Placements.Count > 0);
        Assert.NotEmpty(document.DatasetLedger);
    }

    private async Task<(AsfStorage, string[])> PostgresTargetAsync()
    {
        var connection = await postgres.CreateDatabaseAsync("asf_restore");
        return (AsfStorage.PostgreSql(connection), ["--postgres", connection]);
    }

    private static string Json(BackupDocument document) => System.Text.Json.JsonSerializer.Serialize(document);

    private static object Comparable(AuditEntry e) => (e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action, e.BeforeJson, e.AfterJson, e.Reason);

    private static async Task<byte[]> DamageAsync(byte[] backup, string damage)
    {
        switch (damage)
        {
            case "truncated":
                return backup[..(backup.Length / 2)];
            case "not-a-zip":
                return Encoding.UTF8.GetBytes("kommun;företag\n2180;Glädjeverket\n");
            case "changed-file":
                return Rewrite(backup, BackupFormat.Events, text => text.Replace("\"title\"", "\"title\" ", StringComparison.Ordinal));
            case "newer-version":
                return Rewrite(backup, BackupFormat.Manifest, text => Edit(text, m => m["formatVersion"] = 2));
            case "wrong-count":
                return Rewrite(backup, BackupFormat.Manifest, text => Edit(text, m => m["counts"]!["events"] = (int)m["counts"]!["events"]! + 1));
        }
        // Records the domain refuses, in a document whose checksums and counts are right.
        var document = await BackupReader.ReadAsync(new MemoryStream(backup));
        document = damage switch
        {
            "personnummer" => document with
            {
                Events = [document.Events[0] with { Event = document.Events[0].Event with { Title = "Möte med 19811218-9876" } }, .. document.Events.Skip(1)],
            },
            _ => document with { Placements = [.. document.Placements, document.Placements[0] with { InsatsId = "finns-inte", Placement = document.Placements[0].Placement with { Id = "ny" } }] },
        };
        var output = new MemoryStream();
        await BackupWriter.WriteAsync(document, output);
        return output.ToArray();
    }

    private static string Edit(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString();
    }

    /// <summary>The backup with one file's text changed and everything else as it was (the manifest is not updated).</summary>
    private static byte[] Rewrite(byte[] backup, string name, Func<string, string> change)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(backup), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(entry.FullName == name ? change(text) : text);
            }
        }
        return output.ToArray();
    }
}
