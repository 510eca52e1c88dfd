using System.Collections.Concurrent;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Persistence.AdoNet.Tests;

/// <summary>
/// The grain storage contract (as Orleans' storage test kit checks it), run against every storage by subclassing.
/// Each test gets a fresh storage from <see cref="CreateStorageAsync"/>.
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    protected const string StateName = "state";

    protected IGrainStorage Storage { get; private set; } = null!;

    protected abstract Task<IGrainStorage> CreateStorageAsync();

    public virtual async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public virtual async Task DisposeAsync()
    {
        if (Storage is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected static GrainId Grain(string key, string type = "CounterGrain") => new(type, key);

    protected static GrainState<CounterState> NewState(int value = 0, string note = "") => new(new CounterState { Value = value, Note = note });

    protected async Task<GrainState<CounterState>> ReadAsync(GrainId grain, string stateName = StateName)
    {
        var state = NewState(-1, "not read");
        await Storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    [Fact]
    public async Task A_missing_record_reads_as_default_state_without_etag()
    {
        var state = await ReadAsync(Grain("k-missing"));

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal(0, state.State.Value);
        Assert.Equal("", state.State.Note);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_the_same_etag()
    {
        var grain = Grain("k1");
        var state = NewState(7, "Göteborgs Stad – åäö");
        state.State.Items.Add("Arbetsintegrerande");

        await Storage.WriteStateAsync(StateName, grain, state);
        var read = await ReadAsync(grain);

        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(7, read.State.Value);
        Assert.Equal("Göteborgs Stad – åäö", read.State.Note);
        Assert.Equal(["Arbetsintegrerande"], read.State.Items);
    }

    [Fact]
    public async Task Each_write_changes_the_etag()
    {
        var grain = Grain("k-etags");
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grain, state);
        var first = state.ETag;

        state.State.Value = 2;
        await Storage.WriteStateAsync(StateName, grain, state);

        Assert.NotEqual(first, state.ETag);
        Assert.Equal(2, (await ReadAsync(grain)).State.Value);
    }

    [Fact]
    public async Task A_duplicate_insert_without_etag_fails()
    {
        var grain = Grain("k-dup");
        await Storage.WriteStateAsync(StateName, grain, NewState(1, "first"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, NewState(2, "second")));

        Assert.Equal("first", (await ReadAsync(grain)).State.Note);
    }

    [Fact]
    public async Task A_stale_etag_fails_and_leaves_the_stored_state_intact()
    {
        var grain = Grain("k-stale");
        var mine = NewState(1, "v1");
        await Storage.WriteStateAsync(StateName, grain, mine);
        var theirs = await ReadAsync(grain);
        theirs.State.Note = "v2 by another activation";
        await Storage.WriteStateAsync(StateName, grain, theirs);

        mine.State.Note = "v2 from a stale activation";
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, mine));

        var stored = await ReadAsync(grain);
        Assert.Equal("v2 by another activation", stored.State.Note);
        Assert.Equal(theirs.ETag, stored.ETag);
        Assert.NotEqual(stored.ETag, mine.ETag);
        Assert.Equal(theirs.ETag, error.StoredEtag);
    }

    [Fact]
    public async Task A_stale_etag_fails_a_clear_and_leaves_the_stored_state_intact()
    {
        var grain = Grain("k-stale-clear");
        var mine = NewState(1, "v1");
        await Storage.WriteStateAsync(StateName, grain, mine);
        var theirs = await ReadAsync(grain);
        await Storage.WriteStateAsync(StateName, grain, theirs);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, mine));

        var stored = await ReadAsync(grain);
        Assert.True(stored.RecordExists);
        Assert.Equal("v1", stored.State.Note);
    }

    [Fact]
    public async Task An_etag_the_storage_never_issued_fails()
    {
        var grain = Grain("k-foreign-etag");
        await Storage.WriteStateAsync(StateName, grain, NewState(1));
        var forged = NewState(2);
        forged.ETag = "not-an-etag";

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, forged));
        Assert.Equal(1, (await ReadAsync(grain)).State.Value);
    }

    [Fact]
    public async Task Clear_resets_the_state_and_changes_the_etag()
    {
        var grain = Grain("k-clear");
        var state = NewState(5, "to be cleared");
        await Storage.WriteStateAsync(StateName, grain, state);
        var written = state.ETag;

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.NotEqual(written, state.ETag);
        Assert.Equal(0, state.State.Value);
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State.Value);
        Assert.Equal("", read.State.Note);
    }

    [Fact]
    public async Task Clearing_twice_is_harmless()
    {
        var grain = Grain("k-clear-twice");
        var state = NewState(5);
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.ClearStateAsync(StateName, grain, state);
        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task A_write_after_clear_with_the_returned_etag_succeeds()
    {
        var grain = Grain("k-clear-write");
        var state = NewState(5);
        await Storage.WriteStateAsync(StateName, grain, state);
        await Storage.ClearStateAsync(StateName, grain, state);

        state.State.Value = 6;
        await Storage.WriteStateAsync(StateName, grain, state);

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(6, read.State.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_the_etag_from_before_a_clear_fails()
    {
        var grain = Grain("k-clear-stale");
        var mine = NewState(5);
        await Storage.WriteStateAsync(StateName, grain, mine);
        var theirs = await ReadAsync(grain);
        await Storage.ClearStateAsync(StateName, grain, theirs);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, mine));
        Assert.False((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task A_fresh_activation_can_write_after_a_clear_by_another()
    {
        var grain = Grain("k-clear-reload");
        var first = NewState(1);
        await Storage.WriteStateAsync(StateName, grain, first);
        await Storage.ClearStateAsync(StateName, grain, first);

        var reloaded = await ReadAsync(grain);
        reloaded.State.Value = 2;
        await Storage.WriteStateAsync(StateName, grain, reloaded);

        Assert.Equal(2, (await ReadAsync(grain)).State.Value);
    }

    [Fact]
    public async Task Different_state_names_for_one_key_are_independent()
    {
        var grain = Grain("k-names");
        await Storage.WriteStateAsync("plan", grain, NewState(1, "plan"));
        await Storage.WriteStateAsync("goals", grain, NewState(2, "goals"));
        var plan = await ReadAsync(grain, "plan");
        await Storage.ClearStateAsync("plan", grain, plan);

        Assert.False((await ReadAsync(grain, "plan")).RecordExists);
        var goals = await ReadAsync(grain, "goals");
        Assert.True(goals.RecordExists);
        Assert.Equal("goals", goals.State.Note);
    }

    [Fact]
    public async Task Different_grain_types_with_the_same_key_are_independent()
    {
        await Storage.WriteStateAsync(StateName, Grain("k2180", "MunicipalityGrain"), NewState(1, "municipality"));
        await Storage.WriteStateAsync(StateName, Grain("k2180", "CompanyGrain"), NewState(2, "company"));

        Assert.Equal("municipality", (await ReadAsync(Grain("k2180", "MunicipalityGrain"))).State.Note);
        Assert.Equal("company", (await ReadAsync(Grain("k2180", "CompanyGrain"))).State.Note);
        Assert.False((await ReadAsync(Grain("k2180", "PlanGrain"))).RecordExists);
    }

    [Theory]
    [InlineData("020235", "20235")]
    [InlineData("0x1F", "31")]
    [InlineData("ABC", "abc")]
    [InlineData("k 1", "k1")]
    public async Task Keys_that_look_alike_are_independent(string key, string lookalike)
    {
        await Storage.WriteStateAsync(StateName, Grain(key), NewState(1, key));
        await Storage.WriteStateAsync(StateName, Grain(lookalike), NewState(2, lookalike));

        Assert.Equal(key, (await ReadAsync(Grain(key))).State.Note);
        Assert.Equal(lookalike, (await ReadAsync(Grain(lookalike))).State.Note);
    }

    [Fact]
    public async Task Parallel_reads_and_writes_from_many_grains_stay_correct()
    {
        const int grains = 64;
        const int writesPerGrain = 8;
        var staleFailures = 0;
        var errors = new ConcurrentQueue<Exception>();

        async Task RunGrain(int index)
        {
            var grain = Grain($"k-par-{index:D3}");
            var state = NewState();
            string? staleEtag = null;
            for (var i = 1; i <= writesPerGrain; i++)
            {
                state.State.Value = i;
                state.State.Note = $"{index}:{i}";
                await Storage.WriteStateAsync(StateName, grain, state);

                // A stale activation holding an older ETag writes at the same time as the next real write.
                var stale = staleEtag is null ? null : new GrainState<CounterState>(new CounterState { Value = -i }) { ETag = staleEtag };
                var staleWrite = stale is null ? Task.CompletedTask : Task.Run(() => Storage.WriteStateAsync(StateName, grain, stale));
                var read = await ReadAsync(grain);
                if (read.State.Value < i - 1 || read.State.Value < 0)
                {
                    errors.Enqueue(new Exception($"{grain} read {read.State.Value} after writing {i}"));
                }

                try
                {
                    await staleWrite;
                    if (stale is not null) errors.Enqueue(new Exception($"stale write to {grain} succeeded"));
                }
                catch (InconsistentStateException)
                {
                    Interlocked.Increment(ref staleFailures);
                }

                // The ETag of the first write is stale from the second write on.
                staleEtag ??= state.ETag;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, grains).Select(i => Task.Run(() => RunGrain(i))));

        Assert.Empty(errors);
        Assert.True(staleFailures > 0);
        for (var index = 0; index < grains; index++)
        {
            var read = await ReadAsync(Grain($"k-par-{index:D3}"));
            Assert.Equal(writesPerGrain, read.State.Value);
            Assert.Equal($"{index}:{writesPerGrain}", read.State.Note);
        }
    }
}
