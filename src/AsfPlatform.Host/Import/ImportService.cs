using System.Security.Claims;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>A spreadsheet to download.</summary>
public sealed record SpreadsheetFile(byte[] Content, string FileName)
{
    /// <summary>The media type of .xlsx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>
/// Spreadsheet import for the web pages and the API alike: the template of a collection pre-filled for the user, the
/// preview of an upload (nothing applied) and its confirmation, all rows or none. Every write goes through
/// <see cref="DomainWriter"/>, so scope, validation, versions, audit (with the file's name as reason) and the live
/// indicators are those of any other write.
/// </summary>
public sealed class ImportService(DomainReader reader, DomainWriter writer, PendingImports pending, ILogger<ImportService> logger,
    IConfiguration configuration)
{
    /// <summary>The setting of how many lanes of an import write at once (1: row after row).</summary>
    public const string ParallelLanesKey = "Import:ParallelLanes";

    /// <summary>Enough lanes to overlap the grain and audit round trips of different targets.</summary>
    private readonly int _parallelLanes = Math.Max(1, configuration.GetValue(ParallelLanesKey, 8));

    private static readonly IReadOnlyDictionary<ImportKind, ImportSheet> Sheets = new ImportSheet[]
    {
        new CompanyFiguresSheet(), new PlacementsSheet(), new EventsSheet(),
    }.ToDictionary(s => s.Kind);

    /// <summary>The template of a collection, pre-filled with the rows the user may report.</summary>
    public async Task<SpreadsheetFile> TemplateAsync(ClaimsPrincipal user, string owner, ImportKind kind, string? insatsId, int? year)
    {
        var sheet = Sheets[kind];
        var (context, setting) = await SettingAsync(user, owner, kind, insatsId, year, reason: "mall");
        var rows = await sheet.TemplateRowsAsync(context, setting);
        var spec = new SheetSpec(sheet.SheetName, sheet.Columns(context, setting), rows, InputRows: 500);
        var suffix = kind == ImportKind.CompanyFigures ? setting.Year!.Value.ToString() : context.InsatsId;
        return new SpreadsheetFile(WorkbookWriter.Write([spec], sheet.Instructions(setting)), $"{ImportKinds.Id(kind)}-{owner}-{suffix}.xlsx");
    }

    /// <summary>
    /// Reads an upload and shows what it would change and every problem; applies nothing. Throws
    /// <see cref="SpreadsheetRefusedException"/> for a file refused whole (not .xlsx, too large, too many rows, a
    /// personnummer anywhere).
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(ClaimsPrincipal user, string owner, ImportKind kind, string? insatsId, int? year,
        string? fileName, Stream content)
    {
        var name = FileNameOf(fileName);
        var sheet = Sheets[kind];
        var (context, setting) = await SettingAsync(user, owner, kind, insatsId, year, ReasonOf(name));
        var workbook = WorkbookReader.Read(content);
        var problems = SheetLayout.Check(workbook, sheet.SheetName, sheet.Columns(context, setting).Select(c => c.Heading).ToList()).ToList();
        if (problems.Count > 0)
            return new ImportPreview(null, ImportKinds.Id(kind), name, null, [], problems);

        var planned = await sheet.ParseAsync(context, setting, workbook.Sheet(sheet.SheetName)!, problems);
        var rows = planned.Select(p => p.Change).ToList();
        var writes = planned.Where(p => p.Write is not null).Select(p => p.Write!).ToList();
        if (problems.Count > 0 || writes.Count == 0)
            return new ImportPreview(null, ImportKinds.Id(kind), name, null, rows, problems);

        var token = PendingImports.NewToken();
        var expires = pending.NewExpiry();
        var preview = new ImportPreview(token, ImportKinds.Id(kind), name, expires, rows, []);
        pending.Add(token, new PendingImport(user.Identity!.Name!, owner, kind, context.InsatsId, name, preview, writes, expires));
        return preview;
    }

    /// <summary>
    /// Applies a previewed import: all its rows or none. Every target is first checked to be as it was at the preview
    /// (else <see cref="ImportStaleException"/> and nothing is written); the rows are then written, each through the
    /// domain's own validation and audited: the rows of one target (<see cref="PlannedWrite.Lane"/>) one after another,
    /// different targets side by side. The facts live in many grains, so there is no transaction across them: when a
    /// write fails midway (someone changed a target in between, a silo failed), the writes already made are undone,
    /// each target's in reverse order, by compensating writes, themselves audited ("… ångrad"). Only a host that dies
    /// in the middle of an import can leave part of it; the audit log then names each written row by the file.
    /// </summary>
    public async Task<ImportResult> ApplyAsync(ClaimsPrincipal user, string owner, ImportKind kind, string token)
    {
        var import = pending.Take(token, user.Identity!.Name!, owner, kind)
            ?? throw new ImportStaleException("Förhandsgranskningen finns inte eller har gått ut (den gäller i 30 minuter). Ladda upp filen igen.");
        var context = new ImportContext(user, owner, import.InsatsId, ReasonOf(import.FileName), reader, writer);
        foreach (var write in import.Writes)
            if (!await write.IsAsPreviewedAsync(context))
                throw new ImportStaleException($"{write.Change.Target} (rad {write.Change.Row}) har ändrats sedan förhandsgranskningen. " +
                    "Ingenting sparades; ladda upp filen igen för en ny förhandsgranskning.");

        var lanes = import.Writes.GroupBy(w => w.Lane).Select(g => g.ToList()).ToList();
        var applied = lanes.Select(_ => new List<PlannedWrite>()).ToArray();
        Exception? failure = null;
        // Lanes side by side (each row still a read, a version check, a grain write and an audit entry); after the first
        // failure no lane starts another write, and every write made in any lane is undone.
        await Parallel.ForEachAsync(Enumerable.Range(0, lanes.Count), new ParallelOptions { MaxDegreeOfParallelism = _parallelLanes },
            async (lane, _) =>
            {
                foreach (var write in lanes[lane])
                {
                    if (Volatile.Read(ref failure) is not null)
                        return;
                    try
                    {
                        await write.ApplyAsync(context);
                        applied[lane].Add(write);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, e, null);
                        return;
                    }
                }
            });
        if (failure is not null)
        {
            await Parallel.ForEachAsync(applied, new ParallelOptions { MaxDegreeOfParallelism = _parallelLanes }, async (done, _) =>
            {
                for (var i = done.Count - 1; i >= 0; i--)
                {
                    try
                    {
                        await done[i].UndoAsync(context);
                    }
                    catch (Exception undo)
                    {
                        logger.LogError(undo, "Import {File} för {Owner}: raden {Row} kunde inte ångras", import.FileName, owner, done[i].Change.Row);
                    }
                }
            });
            logger.LogWarning(failure, "Import {File} för {Owner} avbröts och ångrades", import.FileName, owner);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        return new ImportResult(ImportKinds.Id(kind), import.FileName, import.Writes.Count, import.Preview.Rows.Count - import.Writes.Count);
    }

    private async Task<(ImportContext, ImportSetting)> SettingAsync(ClaimsPrincipal user, string owner, ImportKind kind, string? insatsId,
        int? year, string reason)
    {
        var snapshot = await reader.OwnerAsync(owner);
        if (!snapshot.Exists)
            throw new NotFoundException($"Ägaren {owner}");
        var municipalities = (await reader.MunicipalitiesAsync(owner))
            .Where(m => m.Exists && DomainWriter.MayChange(user, m.Kommunkod))
            .ToDictionary(m => m.Kommunkod, m => m.Name!);
        AsfPlatform.Domain.Model.Insats? insats = null;
        if (kind == ImportKind.CompanyFigures)
        {
            if (year is not (>= 2000 and <= 2100))
                throw ValidationException.For("ar", "Ange året som siffrorna gäller (ar, t.ex. 2018).");
        }
        else
        {
            insatsId ??= snapshot.Insatser.Count == 1 ? snapshot.Insatser[0]
                : throw ValidationException.For("insats", "Ange vilken insats (insats) uppgifterna gäller.");
            insats = (await reader.InsatsAsync(owner, insatsId)).Insats ?? throw new NotFoundException($"Insatsen {insatsId}");
        }
        return (new ImportContext(user, owner, insatsId, reason, reader, writer), new ImportSetting(year, insats, municipalities));
    }

    /// <summary>The file's own name, without any path a browser sent; a name with a personnummer is refused like its content.</summary>
    private static string FileNameOf(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0) name = "uppladdad.xlsx";
        if (name.Length > 200) name = name[..200];
        if (PersonalIdentityNumber.ContainsAny(name))
            throw SpreadsheetRefusedException.File("Filnamnet innehåller ett personnummer eller samordningsnummer. Byt namn på filen och ladda upp den igen.");
        return name;
    }

    private static string ReasonOf(string fileName) => $"Import från fil {fileName}";
}
