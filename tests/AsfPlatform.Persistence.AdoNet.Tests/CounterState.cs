namespace AsfPlatform.Persistence.AdoNet.Tests;

/// <summary>A small mutable state like the ones grains keep.</summary>
public sealed class CounterState
{
    public int Value { get; set; }

    public string Note { get; set; } = "";

    public List<string> Items { get; set; } = [];
}
