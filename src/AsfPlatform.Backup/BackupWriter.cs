using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Backup;

/// <summary>
/// Takes an owner's backup: reads everything it holds through the grains' snapshots (the same reads the pages and
/// reports use) and its audit entries, and writes them as one zip of JSON files with a manifest of counts and
/// checksums (docs/BACKUP.md).
/// </summary>
public sealed class BackupWriter(IGrainFactory grains, IAuditArchive audit, TimeProvider? clock = null)
{
    /// <summary>Reads the owner <paramref name="ownerId"/> into a document; <see cref="NotFoundException"/> when it does not exist.</summary>
    public async Task<BackupDocument> ReadAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(ownerId));
        var owner = await directory.GetSnapshot();
        if (!owner.Exists)
            throw new NotFoundException($"Organisationen {ownerId}");
        var profile = new OwnerProfile(owner.Name!, owner.Kind!.Value, owner.OrganisationNumber, owner.Subregions ?? [], owner.Partners ?? []);

        // The owner's own order of its municipalities, companies and insatser is kept: lists in reports follow it.
        var municipalities = (await directory.GetMunicipalities()).Where(m => m.Exists)
            .Select(m => new MunicipalityEntry(m.Kommunkod, m.Name!, m.Subregion, m.Milestones)).ToList();
        var surveys = (await directory.GetSurveys()).Select(s => s.Survey).ToList();
        var companies = (await directory.GetCompanies()).Where(c => c.Company is not null)
            .Select(c => new CompanyEntry(c.Company!, c.Figures)).ToList();

        List<InsatsEntry> insatser = [];
        List<PlanEntry> plans = [];
        List<NarrativeEntry> narratives = [];
        List<EventEntry> events = [];
        List<PlacementEntry> placements = [];
        foreach (var insatsId in owner.Insatser)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grain = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(ownerId, insatsId));
            var insats = await grain.GetSnapshot();
            if (insats.Insats is null)
                continue;
            insatser.Add(new InsatsEntry(insats.Insats, insats.StatedTotals, insats.Narrative));
            narratives.AddRange(insats.Milestones.Select(m => new NarrativeEntry(insatsId, m)));
            events.AddRange((await grain.GetEvents(DateOnly.MinValue, DateOnly.MaxValue)).Select(e => new EventEntry(insatsId, e)));
            placements.AddRange((await grain.GetPlacements()).Select(p => new PlacementEntry(insatsId, p)));
            foreach (var year in insats.PlanYears.Order())
            {
                var plan = await grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(ownerId, insatsId, year)).GetSnapshot();
                if (plan.Content is not null)
                    plans.Add(new PlanEntry(insatsId, year, plan.Content));
            }
        }
        // The markers of earlier restores belong to that installation's history, not to the owner's data.
        var ledger = (await grains.GetGrain<IDatasetLedgerGrain>(GrainKeys.DatasetLedger(ownerId)).GetApplied())
            .Where(k => !k.StartsWith(BackupRestorer.MarkerPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var auditLog = await audit.ReadOwnerAsync(ownerId, cancellationToken);

        var manifest = new BackupManifest(BackupFormat.Name, BackupFormat.CurrentVersion, Guid.NewGuid().ToString("N"), ownerId,
            (clock ?? TimeProvider.System).GetUtcNow(), PlatformVersion, new Dictionary<string, int>(), []);
        var document = new BackupDocument(manifest, new OwnerEntry(ownerId, profile), municipalities, surveys, companies, insatser,
            plans, narratives, events, placements, ledger, auditLog);
        return document with { Manifest = manifest with { Counts = document.Counts() } };
    }

    /// <summary>Reads the owner and writes its backup to <paramref name="output"/>; returns the document written.</summary>
    public async Task<BackupDocument> WriteAsync(string ownerId, Stream output, CancellationToken cancellationToken = default)
    {
        var document = await ReadAsync(ownerId, cancellationToken);
        return await WriteAsync(document, output, cancellationToken);
    }

    /// <summary>Writes <paramref name="document"/> as a zip; the manifest gets each file's checksum.</summary>
    public static async Task<BackupDocument> WriteAsync(BackupDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        var files = new List<(string Name, byte[] Bytes)>
        {
            (BackupFormat.Owner, Serialize(document.Owner)),
            (BackupFormat.Municipalities, Serialize(document.Municipalities)),
            (BackupFormat.Surveys, Serialize(document.Surveys)),
            (BackupFormat.Companies, Serialize(document.Companies)),
            (BackupFormat.Insatser, Serialize(document.Insatser)),
            (BackupFormat.Plans, Serialize(document.Plans)),
            (BackupFormat.Narratives, Serialize(document.Narratives)),
            (BackupFormat.Events, Serialize(document.Events)),
            (BackupFormat.Placements, Serialize(document.Placements)),
            (BackupFormat.DatasetLedger, Serialize(document.DatasetLedger)),
            (BackupFormat.AuditLog, Serialize(document.AuditLog)),
        };
        var manifest = document.Manifest with
        {
            Counts = document.Counts(),
            Files = files.Select(f => new BackupFile(f.Name, Sha256(f.Bytes), f.Bytes.Length)).ToList(),
        };
        await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files.Prepend((BackupFormat.Manifest, Serialize(manifest))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A fixed entry time: two backups of the same data differ only in their manifests.
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                await using var stream = entry.Open();
                await stream.WriteAsync(bytes, cancellationToken);
            }
        }
        return document with { Manifest = manifest };
    }

    /// <summary>The platform version written into manifests.</summary>
    public static string PlatformVersion { get; } = typeof(BackupWriter).Assembly.GetName().Version?.ToString() ?? "okänd";

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, BackupFormat.Json);
}
