using System.Text.Json;
using AsfPlatform.Contracts;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains.Tests;

/// <summary>Information events live in one log per insats and month, each with its own version.</summary>
public class EventLogTests
{
    private static readonly DateOnly[] Months = Enumerable.Range(1, 12).Select(m => new DateOnly(2017, m, 10)).ToArray();

    [Fact]
    public async Task Recording_an_event_writes_only_its_months_log_and_not_the_insats_or_the_other_events()
    {
        var storage = new CountingStorage();
        await using var host = await TestHost.StartAsync(storage);
        await host.SeedAsync();
        for (var i = 0; i < 120; i++)
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event($"e{i}", Months[i % 12]), CreateOnly: true));
        var eventBytes = JsonSerializer.Serialize(new StoredEvent(TestHost.Event("e999", Months[5]), 1)).Length;
        storage.Writes.Clear();

        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e999", Months[5]), CreateOnly: true));

        var writes = storage.Writes.Where(w => w.Grain.Type.ToString() != "asf.plan").ToList(); // the plans' live push is separate
        var write = Assert.Single(writes);
        Assert.Equal(GrainId.Create("asf.eventlog", GrainKeys.EventLog(TestHost.Owner, TestHost.InsatsId, Months[5])), write.Grain);
        Assert.InRange(write.Bytes, 11 * eventBytes, 15 * eventBytes); // June's 11 events, not the insats' 121
    }

    [Fact]
    public async Task Events_of_many_months_survive_a_restart_with_their_versions_and_reach_the_plan()
    {
        var storage = new CountingStorage();
        await using (var host = await TestHost.StartAsync(storage))
        {
            await host.SeedAsync();
            foreach (var (date, i) in Months.Select((d, i) => (d, i)))
                await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event($"e{i}", date), CreateOnly: true));
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e3", Months[3]) with { Title = "Ändrad" }, 1));
            // An update that changes the month moves the event: one copy, the next version.
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e4", Months[8]), 1));
        }

        await using var restarted = await TestHost.StartAsync(storage);
        var events = await restarted.Insats.GetEvents(TestHost.Jan1, TestHost.Dec31);
        Assert.Equal(12, events.Count);
        Assert.Equal(12, (await restarted.Insats.GetSnapshot()).EventCount);
        Assert.Equal(("Ändrad", 2L), ((await restarted.Insats.GetEvent("e3")).Event!.Title, (await restarted.Insats.GetEvent("e3")).Version));
        Assert.Equal((Months[8], 2L), ((await restarted.Insats.GetEvent("e4")).Event!.Date, (await restarted.Insats.GetEvent("e4")).Version));
        Assert.Single(events, e => e.Id == "e4");
        Assert.Empty(await restarted.Insats.GetEvents(Months[4], Months[4]));
        var rebuilt = await restarted.Plan().Rebuild(); // reads every month's events again
        Assert.Equal(12, (await restarted.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "events").Value);
        Assert.True(rebuilt.Exists);
    }

    [Fact]
    public async Task Creating_an_event_whose_id_is_taken_is_refused_in_the_same_and_in_another_month()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Months[2]), CreateOnly: true));

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Months[2]) with { Title = "Igen" }, CreateOnly: true)));
        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Months[7]), CreateOnly: true)));

        var stored = await host.Insats.GetEvent("e1");
        Assert.Equal((Months[2], 1L), (stored.Event!.Date, stored.Version));
        Assert.Equal(1, (await host.Insats.GetSnapshot()).EventCount);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_id_in_different_months_store_it_once()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();

        var creates = Months.Select(d => host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", d), CreateOnly: true))).ToList();
        await Task.WhenAll(creates.Select(c => c.ContinueWith(_ => { })));

        Assert.Equal(1, creates.Count(c => c.IsCompletedSuccessfully));
        Assert.Single(await host.Insats.GetEvents(TestHost.Jan1, TestHost.Dec31));
    }
}
