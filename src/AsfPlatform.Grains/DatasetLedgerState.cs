namespace AsfPlatform.Grains;

/// <summary>The dataset records applied to one owner.</summary>
[GenerateSerializer, Alias("asf.DatasetLedgerState")]
public sealed class DatasetLedgerState
{
    [Id(0)]
    public HashSet<string> Applied { get; set; } = new(StringComparer.Ordinal);
}
