using System.IO.Compression;
using System.Text.Json;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Backup;

/// <summary>
/// Reads a backup and checks all of it before anything is written: a zip with a manifest of this format, a version
/// this build reads, every listed file present with its checksum and no other file, counts as stated, valid JSON, and
/// every record accepted by the same rules the grains apply (<see cref="FactRules"/>). Any problem throws
/// <see cref="BackupInvalidException"/> naming the file and what is wrong.
/// </summary>
public static class BackupReader
{
    /// <summary>Reads and checks the backup in <paramref name="input"/>.</summary>
    public static async Task<BackupDocument> ReadAsync(Stream input, CancellationToken cancellationToken = default)
    {
        var buffer = new MemoryStream();
        await CopyBoundedAsync(input, buffer, null, cancellationToken);
        buffer.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new BackupInvalidException(null, "Filen är ingen säkerhetskopia (ingen zip-fil, eller en avkortad sådan).");
        }
        using (zip)
        {
            // A backup has its fixed files; refusing more before unpacking keeps a zip of many large files out of memory.
            if (zip.Entries.Count > BackupFormat.DataFiles.Count + 1)
                throw new BackupInvalidException(null, $"Filen har {zip.Entries.Count} delar; en säkerhetskopia har {BackupFormat.DataFiles.Count + 1}.");
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                try
                {
                    await using var stream = entry.Open();
                    var bytes = new MemoryStream();
                    await CopyBoundedAsync(stream, bytes, entry.FullName, cancellationToken);
                    files[entry.FullName] = bytes.ToArray();
                }
                catch (InvalidDataException)
                {
                    throw new BackupInvalidException(entry.FullName, "filen i säkerhetskopian är skadad och kan inte packas upp.");
                }
            }
            var manifest = Manifest(files);
            CheckFiles(manifest, files);
            var document = new BackupDocument(manifest,
                Parse<OwnerEntry>(files, BackupFormat.Owner),
                Parse<List<MunicipalityEntry>>(files, BackupFormat.Municipalities),
                Parse<List<Domain.Model.CountySurvey>>(files, BackupFormat.Surveys),
                Parse<List<CompanyEntry>>(files, BackupFormat.Companies),
                Parse<List<InsatsEntry>>(files, BackupFormat.Insatser),
                Parse<List<PlanEntry>>(files, BackupFormat.Plans),
                Parse<List<NarrativeEntry>>(files, BackupFormat.Narratives),
                Parse<List<EventEntry>>(files, BackupFormat.Events),
                Parse<List<PlacementEntry>>(files, BackupFormat.Placements),
                Parse<List<string>>(files, BackupFormat.DatasetLedger),
                Parse<List<Access.AuditEntry>>(files, BackupFormat.AuditLog));
            // Records first: the counts read every list, which the check has found present.
            BackupValidation.Check(document);
            CheckCounts(document);
            return document;
        }
    }

    private static BackupManifest Manifest(Dictionary<string, byte[]> files)
    {
        if (!files.ContainsKey(BackupFormat.Manifest))
            throw new BackupInvalidException(BackupFormat.Manifest, "saknas; filen är ingen säkerhetskopia från plattformen.");
        // The format and version are read on their own first, so a newer version is named as such and not as bad JSON.
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(files[BackupFormat.Manifest]).RootElement;
        }
        catch (JsonException e)
        {
            throw new BackupInvalidException(BackupFormat.Manifest, $"ogiltig JSON ({e.Message}).");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != BackupFormat.Name)
            throw new BackupInvalidException(BackupFormat.Manifest, $"formatet är inte \"{BackupFormat.Name}\"; filen är ingen säkerhetskopia från plattformen.");
        if (!root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out var v) || v < 1)
            throw new BackupInvalidException(BackupFormat.Manifest, "formatVersion saknas eller är inget positivt heltal.");
        if (v > BackupFormat.CurrentVersion)
            throw new BackupInvalidException(BackupFormat.Manifest,
                $"formatversion {v} är skapad av en nyare version av plattformen; den här versionen läser till och med version {BackupFormat.CurrentVersion}. Uppgradera plattformen först.");
        var manifest = Parse<BackupManifest>(files, BackupFormat.Manifest);
        if (string.IsNullOrWhiteSpace(manifest.OwnerId) || manifest.Counts is null || manifest.Files is null || string.IsNullOrWhiteSpace(manifest.Id))
            throw new BackupInvalidException(BackupFormat.Manifest, "id, ownerId, counts eller files saknas.");
        return manifest;
    }

    private static void CheckFiles(BackupManifest manifest, Dictionary<string, byte[]> files)
    {
        var listed = manifest.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in BackupFormat.DataFiles.Where(n => !listed.Contains(n)))
            throw new BackupInvalidException(BackupFormat.Manifest, $"filen {name} saknas i förteckningen (files).");
        foreach (var name in files.Keys.Where(n => n != BackupFormat.Manifest && !listed.Contains(n)))
            throw new BackupInvalidException(name, "filen finns i säkerhetskopian men inte i manifestets förteckning.");
        foreach (var file in manifest.Files)
        {
            if (!files.TryGetValue(file.Name, out var bytes))
                throw new BackupInvalidException(file.Name, "filen saknas i säkerhetskopian.");
            if (bytes.Length != file.Length || BackupWriter.Sha256(bytes) != file.Sha256)
                throw new BackupInvalidException(file.Name, "kontrollsumman stämmer inte: filen har ändrats eller skadats efter att säkerhetskopian togs.");
        }
    }

    private static void CheckCounts(BackupDocument document)
    {
        var actual = document.Counts();
        foreach (var (kind, count) in actual)
            if (!document.Manifest.Counts.TryGetValue(kind, out var stated) || stated != count)
                throw new BackupInvalidException(BackupFormat.Manifest,
                    $"antalet {kind} är {count} i filerna men {(document.Manifest.Counts.ContainsKey(kind) ? stated.ToString() : "saknas")} i manifestet.");
    }

    private static T Parse<T>(Dictionary<string, byte[]> files, string name)
    {
        if (!files.TryGetValue(name, out var bytes))
            throw new BackupInvalidException(name, "filen saknas i säkerhetskopian.");
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BackupFormat.Json) ?? throw new BackupInvalidException(name, "filen är tom.");
        }
        catch (JsonException e)
        {
            throw new BackupInvalidException(name, $"ogiltig JSON ({e.Message}).");
        }
    }

    private static async Task CopyBoundedAsync(Stream from, Stream to, string? file, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > BackupFormat.MaxBytes)
                throw new BackupInvalidException(file, $"större än {BackupFormat.MaxBytes / (1024 * 1024)} MB; så stora säkerhetskopior tas inte emot.");
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
