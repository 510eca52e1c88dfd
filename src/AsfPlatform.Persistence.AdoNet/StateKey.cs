namespace AsfPlatform.Persistence.AdoNet;

/// <summary>Primary key of a stored state. Every part is stored verbatim, so "020235" and "20235" stay distinct.</summary>
internal readonly record struct StateKey(string ServiceId, string GrainType, string GrainKey, string StateName)
    : IComparable<StateKey>
{
    /// <summary>Ordinal order, the same in every host, so batches on PostgreSQL lock rows in one order and can't deadlock.</summary>
    public int CompareTo(StateKey other)
    {
        var order = string.CompareOrdinal(ServiceId, other.ServiceId);
        if (order == 0) order = string.CompareOrdinal(GrainType, other.GrainType);
        if (order == 0) order = string.CompareOrdinal(GrainKey, other.GrainKey);
        if (order == 0) order = string.CompareOrdinal(StateName, other.StateName);
        return order;
    }
}
