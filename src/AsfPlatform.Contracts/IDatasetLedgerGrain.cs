namespace AsfPlatform.Contracts;

/// <summary>
/// Which records of the sample dataset have been applied to an owner (key: <see cref="GrainKeys.DatasetLedger"/>).
/// The loader applies a record once — to an installation that lacks it — and never again, so a host start never
/// undoes a user's edit, nor brings back a record a user removed.
/// </summary>
[Alias("asf.IDatasetLedgerGrain")]
public interface IDatasetLedgerGrain : IGrainWithStringKey
{
    /// <summary>The keys of the dataset records applied so far ("company/asf-gladjeverket", "insats/asf-2016-2020/event/…").</summary>
    Task<IReadOnlyCollection<string>> GetApplied();

    /// <summary>Notes records as applied (or found present); notes already held change nothing.</summary>
    Task MarkApplied(IReadOnlyList<string> recordKeys);
}
