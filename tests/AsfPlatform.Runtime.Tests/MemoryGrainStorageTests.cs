using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Runtime.Tests;

public sealed class MemoryGrainStorageTests
{
    private static readonly GrainId Id = new("plan", "k2180");
    private readonly MemoryGrainStorage _storage = new();

    public sealed class Plan
    {
        public List<string> Goals { get; set; } = [];
    }

    [Fact]
    public async Task A_missing_record_reads_as_default_state_without_ETag()
    {
        var state = new GrainState<Plan>(new Plan { Goals = ["x"] });
        await _storage.ReadStateAsync("s", Id, state);

        Assert.Empty(state.State.Goals);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task A_duplicate_insert_without_ETag_fails()
    {
        await _storage.WriteStateAsync("s", Id, new GrainState<Plan>(new Plan()));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            _storage.WriteStateAsync("s", Id, new GrainState<Plan>(new Plan())));
    }

    [Fact]
    public async Task A_stale_ETag_fails_and_leaves_the_stored_state_intact()
    {
        var first = new GrainState<Plan>(new Plan { Goals = ["a"] });
        await _storage.WriteStateAsync("s", Id, first);
        var stale = new GrainState<Plan>(new Plan { Goals = ["stale"] }) { ETag = first.ETag };
        first.State.Goals.Add("b");
        await _storage.WriteStateAsync("s", Id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("s", Id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("s", Id, stale));

        var read = new GrainState<Plan>(new Plan());
        await _storage.ReadStateAsync("s", Id, read);
        Assert.Equal(["a", "b"], read.State.Goals);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task The_stored_state_is_a_copy_not_the_grains_object()
    {
        var state = new GrainState<Plan>(new Plan { Goals = ["a"] });
        await _storage.WriteStateAsync("s", Id, state);
        state.State.Goals.Add("not written");

        var read = new GrainState<Plan>(new Plan());
        await _storage.ReadStateAsync("s", Id, read);
        Assert.Equal(["a"], read.State.Goals);
    }

    [Fact]
    public async Task Clear_resets_the_state_changes_the_ETag_and_twice_is_harmless()
    {
        var state = new GrainState<Plan>(new Plan { Goals = ["a"] });
        await _storage.WriteStateAsync("s", Id, state);
        var written = state.ETag;

        await _storage.ClearStateAsync("s", Id, state);
        Assert.NotEqual(written, state.ETag);
        Assert.False(state.RecordExists);
        Assert.Empty(state.State.Goals);
        await _storage.ClearStateAsync("s", Id, state);

        var read = new GrainState<Plan>(new Plan());
        await _storage.ReadStateAsync("s", Id, read);
        Assert.False(read.RecordExists);
        await _storage.WriteStateAsync("s", Id, read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Different_state_names_and_grain_types_for_one_key_are_independent()
    {
        await _storage.WriteStateAsync("a", Id, new GrainState<Plan>(new Plan { Goals = ["a"] }));
        await _storage.WriteStateAsync("b", Id, new GrainState<Plan>(new Plan { Goals = ["b"] }));
        await _storage.WriteStateAsync("a", Id with { Type = "company" }, new GrainState<Plan>(new Plan { Goals = ["c"] }));

        var read = new GrainState<Plan>(new Plan());
        await _storage.ReadStateAsync("a", Id, read);
        Assert.Equal(["a"], read.State.Goals);
        await _storage.ReadStateAsync("b", Id, read);
        Assert.Equal(["b"], read.State.Goals);
    }

    [Fact]
    public async Task Parallel_writers_with_ETags_never_lose_an_acknowledged_update()
    {
        var acknowledged = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var state = new GrainState<Plan>(new Plan());
                await _storage.ReadStateAsync("s", Id, state);
                state.State.Goals.Add("x");
                try
                {
                    await _storage.WriteStateAsync("s", Id, state);
                    Interlocked.Increment(ref acknowledged);
                }
                catch (InconsistentStateException)
                {
                }
            }
        })));

        var read = new GrainState<Plan>(new Plan());
        await _storage.ReadStateAsync("s", Id, read);
        Assert.Equal(acknowledged, read.State.Goals.Count);
    }
}
