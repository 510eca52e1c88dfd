using AsfPlatform.Domain.Indicators;

namespace AsfPlatform.Grains.Tests;

/// <summary>A plan's in-memory observations of events, replaced one source at a time.</summary>
public class ObservationsBySourceTests
{
    private static Observation Seen(string source, decimal value) =>
        new(MetricKind.InformationEvents, source, "events", new DateOnly(2017, 3, 1), value);

    [Fact]
    public void Replacing_a_source_changes_only_that_source_and_says_whether_anything_changed()
    {
        var held = new ObservationsBySource();
        held.Reset([Seen("event/a", 1), Seen("event/b", 1), Seen("event/b", 2)]);
        Assert.Equal(3, held.Count);

        Assert.False(held.Replace(["event/b"], [Seen("event/b", 1), Seen("event/b", 2)]));
        Assert.True(held.Replace(["event/b"], [Seen("event/b", 5), Seen("event/a", 9)])); // another source's are ignored
        Assert.Equal(2, held.Count);
        Assert.Equal([Seen("event/a", 1), Seen("event/b", 5)], held.All.OrderBy(o => o.SourceId));
    }

    [Fact]
    public void A_source_pushed_with_no_observations_is_dropped_and_a_new_one_is_added()
    {
        var held = new ObservationsBySource();
        held.Reset([Seen("event/a", 1)]);

        Assert.True(held.Replace(["event/a", "event/c"], [Seen("event/c", 3)]));

        Assert.Equal([Seen("event/c", 3)], held.All);
        Assert.Equal(1, held.Count);
        Assert.False(held.Replace(["event/a"], []));
    }
}
