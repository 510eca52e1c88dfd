using AsfPlatform.Access;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Backup;

// The shapes of the files in a backup (docs/BACKUP.md). Facts reuse the domain records, as the dataset's files do,
// so a backup and a command never disagree about a field.

/// <summary>manifest.json: what the document is, whose, when, and what each file must hold.</summary>
/// <param name="Format">Always <see cref="BackupFormat.Name"/>.</param>
/// <param name="FormatVersion">The document's version (see <see cref="BackupFormat.CurrentVersion"/>).</param>
/// <param name="Id">A new id per backup; a restore names it in the audit log.</param>
/// <param name="OwnerId">The owner the document holds.</param>
/// <param name="CreatedAt">When the backup was taken (UTC).</param>
/// <param name="PlatformVersion">The version of the platform that wrote it.</param>
/// <param name="Counts">Records per kind, checked against the files on reading.</param>
/// <param name="Files">Each data file with its SHA-256 (hex) and length.</param>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Id,
    string OwnerId,
    DateTimeOffset CreatedAt,
    string PlatformVersion,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<BackupFile> Files);

/// <summary>One data file of the document.</summary>
/// <param name="Name">The file name inside the zip.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="Length">Its length in bytes.</param>
public sealed record BackupFile(string Name, string Sha256, long Length);

/// <summary>owner.json: the owner's id and profile.</summary>
/// <param name="Id">The owner id.</param>
/// <param name="Profile">Name, kind, organisation number, subregions, partner organisations.</param>
public sealed record OwnerEntry(string Id, OwnerProfile Profile);

/// <summary>An entry of municipalities.json: a municipality of the owner with its milestones.</summary>
/// <param name="Kommunkod">SCB's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Subregion">The owner's subregion id, if any.</param>
/// <param name="Milestones">Its dated milestones.</param>
public sealed record MunicipalityEntry(string Kommunkod, string Name, string? Subregion, IReadOnlyList<MunicipalMilestone> Milestones);

/// <summary>An entry of companies.json: a company with its dated figures.</summary>
/// <param name="Company">The company (its closing date included).</param>
/// <param name="Figures">Its figures, oldest first.</param>
public sealed record CompanyEntry(Company Company, IReadOnlyList<CompanyFigures> Figures);

/// <summary>An entry of insatser.json: an insats (with its closing date) and the totals stated in its sources.</summary>
/// <param name="Insats">The insats.</param>
/// <param name="StatedTotals">Totals stated in source documents.</param>
/// <param name="Texts">The insats's own texts (background, analysis, conclusions, the years' story); absent in documents
/// written before insatser held texts, which therefore need no new format version.</param>
public sealed record InsatsEntry(Insats Insats, IReadOnlyList<StatedTotal> StatedTotals, InsatsNarrative? Texts = null);

/// <summary>An entry of plans.json: a yearly plan's content.</summary>
/// <param name="InsatsId">The insats.</param>
/// <param name="Year">The plan year.</param>
/// <param name="Content">Sections, goals, activities (with done), indicators, budget.</param>
public sealed record PlanEntry(string InsatsId, int Year, PlanContent Content);

/// <summary>An entry of narratives.json: a narrative milestone of an insats.</summary>
/// <param name="InsatsId">The insats.</param>
/// <param name="Milestone">The milestone.</param>
public sealed record NarrativeEntry(string InsatsId, NarrativeMilestone Milestone);

/// <summary>An entry of events.json: an information event of an insats.</summary>
/// <param name="InsatsId">The insats.</param>
/// <param name="Event">The event.</param>
public sealed record EventEntry(string InsatsId, InformationEvent Event);

/// <summary>An entry of placements.json: a placement grant of an insats.</summary>
/// <param name="InsatsId">The insats.</param>
/// <param name="Placement">The placement with its use and outcomes.</param>
public sealed record PlacementEntry(string InsatsId, Placement Placement);

/// <summary>A whole backup, read and checked (<see cref="BackupReader"/>) or about to be written (<see cref="BackupWriter"/>).</summary>
/// <param name="Manifest">The manifest.</param>
/// <param name="Owner">owner.json.</param>
/// <param name="Municipalities">municipalities.json.</param>
/// <param name="Surveys">surveys.json: the county surveys the owner holds.</param>
/// <param name="Companies">companies.json.</param>
/// <param name="Insatser">insatser.json.</param>
/// <param name="Plans">plans.json.</param>
/// <param name="Narratives">narratives.json.</param>
/// <param name="Events">events.json.</param>
/// <param name="Placements">placements.json.</param>
/// <param name="DatasetLedger">dataset-ledger.json: which sample-dataset records the owner has had applied.</param>
/// <param name="AuditLog">audit-log.json: the owner's audit entries, oldest first.</param>
public sealed record BackupDocument(
    BackupManifest Manifest,
    OwnerEntry Owner,
    IReadOnlyList<MunicipalityEntry> Municipalities,
    IReadOnlyList<CountySurvey> Surveys,
    IReadOnlyList<CompanyEntry> Companies,
    IReadOnlyList<InsatsEntry> Insatser,
    IReadOnlyList<PlanEntry> Plans,
    IReadOnlyList<NarrativeEntry> Narratives,
    IReadOnlyList<EventEntry> Events,
    IReadOnlyList<PlacementEntry> Placements,
    IReadOnlyList<string> DatasetLedger,
    IReadOnlyList<AuditEntry> AuditLog)
{
    /// <summary>Records per kind, as the manifest states them.</summary>
    public IReadOnlyDictionary<string, int> Counts() => new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["municipalities"] = Municipalities.Count,
        ["municipalMilestones"] = Municipalities.Sum(m => m.Milestones.Count),
        ["surveys"] = Surveys.Count,
        ["companies"] = Companies.Count,
        ["companyFigures"] = Companies.Sum(c => c.Figures.Count),
        ["insatser"] = Insatser.Count,
        ["statedTotals"] = Insatser.Sum(i => i.StatedTotals.Count),
        ["plans"] = Plans.Count,
        ["narratives"] = Narratives.Count,
        ["events"] = Events.Count,
        ["placements"] = Placements.Count,
        ["datasetLedger"] = DatasetLedger.Count,
        ["auditLog"] = AuditLog.Count,
    };
}
