namespace AsfPlatform.Runtime;

/// <summary>
/// Identity of a grain: its grain type name and its string key, stored verbatim.
/// Unlike Orleans' ADO.NET storage, the key is never hashed or parsed, so "020235" and "20235" stay distinct.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
