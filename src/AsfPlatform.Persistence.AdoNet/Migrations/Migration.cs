using AsfPlatform.Persistence.AdoNet.Dialects;

namespace AsfPlatform.Persistence.AdoNet.Migrations;

/// <summary>One step of the storage schema. Released steps are never edited; a change is a new step.</summary>
/// <param name="Version">Position in the order; recorded in the schema table once applied.</param>
/// <param name="Description">What the step does, recorded beside the version.</param>
/// <param name="Sql">The DDL for a dialect (column types and table options differ slightly).</param>
internal sealed record Migration(int Version, string Description, Func<StorageDialect, string> Sql);
