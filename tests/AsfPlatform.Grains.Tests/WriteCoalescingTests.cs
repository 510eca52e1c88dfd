using AsfPlatform.Contracts;

namespace AsfPlatform.Grains.Tests;

public class WriteCoalescingTests
{
    private const int Companies = 16;

    [Fact]
    public async Task Concurrent_pushes_to_a_plan_share_writes_and_all_survive_a_restart()
    {
        var storage = new SlowStorage("asf.plan");
        await using (var host = await TestHost.StartAsync(storage))
        {
            await host.SeedAsync(companies: Companies);
            var writesBefore = storage.WriteCount;

            await Task.WhenAll(Enumerable.Range(0, Companies).Select(i =>
                host.Company($"asf-{i:00}").RecordFigures(new RecordCompanyFigures(new(new(2017, 9, 1), 5, 5, 10, 0, 0, 0)))));

            var writes = storage.WriteCount - writesBefore;
            Assert.InRange(writes, 1, Companies - 1); // without coalescing: one durable write per push
        }

        // A new host reads everything from the same storage: every acknowledged push is there.
        await using var restarted = await TestHost.StartAsync(storage);
        var employed = (await restarted.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "employed");
        Assert.Equal((Companies * 10m, Companies * 5, Companies * 5), (employed.Value!.Value, employed.Women!.Value, employed.Men!.Value));
    }

    [Fact]
    public async Task A_failed_plan_write_fails_every_push_it_carried_and_the_plan_reloads_from_storage()
    {
        var storage = new SlowStorage("asf.plan");
        await using var host = await TestHost.StartAsync(storage);
        await host.SeedAsync(companies: Companies);
        storage.FailWrites = true;

        var pushes = Enumerable.Range(0, Companies).Select(i =>
            host.Company($"asf-{i:00}").RecordFigures(new RecordCompanyFigures(new(new(2017, 9, 1), 5, 5, 10, 0, 0, 0)))).ToList();
        await Assert.ThrowsAnyAsync<Exception>(() => Task.WhenAll(pushes));

        Assert.All(pushes, p => Assert.True(p.IsFaulted)); // no caller was told its change is stored
        Assert.Equal(1, storage.FailedWrites);        // the batch after it failed on the dropped activation's state
        storage.FailWrites = false;
        var employed = (await host.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "employed");
        Assert.Equal(Companies * 3m, employed.Value); // the reloaded plan holds what was durably stored
    }

    [Fact]
    public async Task Events_recorded_at_once_share_writes_of_their_months_log_and_all_survive_a_restart()
    {
        const int events = 16;
        var storage = new SlowStorage("asf.eventlog");
        await using (var host = await TestHost.StartAsync(storage))
        {
            await host.SeedAsync();
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("forsta", new(2017, 3, 1)), CreateOnly: true));
            var writesBefore = storage.WriteCount;

            await Task.WhenAll(Enumerable.Range(0, events).Select(i =>
                host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event($"e{i}", new(2017, 3, 1)), CreateOnly: true))));

            Assert.InRange(storage.WriteCount - writesBefore, 1, events - 1);
        }

        await using var restarted = await TestHost.StartAsync(storage);
        Assert.Equal(events + 1, (await restarted.Insats.GetSnapshot()).EventCount);
        Assert.Equal(events + 1, (await restarted.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "events").Value);
    }

    /// <summary>Storage whose writes of one grain type take a while (like a durable commit), counted, and can fail.</summary>
    private sealed class SlowStorage(string grainType) : CountingStorage
    {
        private int _writes, _failedWrites;

        public int WriteCount => Volatile.Read(ref _writes);
        public int FailedWrites => Volatile.Read(ref _failedWrites);
        public volatile bool FailWrites;

        public override async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (grainId.Type.ToString() != grainType)
            {
                await base.WriteStateAsync(stateName, grainId, grainState);
                return;
            }

            Interlocked.Increment(ref _writes);
            if (FailWrites)
            {
                Interlocked.Increment(ref _failedWrites);
                await Task.Delay(30);
                throw new IOException("Disken är full.");
            }

            // Captures the state at once, as the real storage copies it before its first await.
            await base.WriteStateAsync(stateName, grainId, grainState);
            await Task.Delay(30);
        }
    }
}
