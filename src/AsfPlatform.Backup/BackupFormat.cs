using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsfPlatform.Backup;

/// <summary>
/// The backup document's names and version (docs/BACKUP.md). A reader reads every version up to
/// <see cref="CurrentVersion"/> (an older one is brought up to date on reading) and refuses a newer one, whose fields
/// it could not know.
/// </summary>
public static class BackupFormat
{
    /// <summary>What manifest.json's "format" says, so another zip is never taken for a backup.</summary>
    public const string Name = "asf-backup";

    /// <summary>The version this build writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The files of a version 1 document, in the order they are written and checked.</summary>
    public const string Manifest = "manifest.json", Owner = "owner.json", Municipalities = "municipalities.json",
        Surveys = "surveys.json", Companies = "companies.json", Insatser = "insatser.json", Plans = "plans.json",
        Narratives = "narratives.json", Events = "events.json", Placements = "placements.json",
        DatasetLedger = "dataset-ledger.json", AuditLog = "audit-log.json";

    /// <summary>Every data file (all but the manifest).</summary>
    public static IReadOnlyList<string> DataFiles { get; } =
        [Owner, Municipalities, Surveys, Companies, Insatser, Plans, Narratives, Events, Placements, DatasetLedger, AuditLog];

    /// <summary>The largest document read (zip and each file unpacked), so a hostile upload cannot fill memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>camelCase JSON as the API and the dataset write it, indented so a person can read a backup.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
