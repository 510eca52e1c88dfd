using System.Text.Json;
using AsfPlatform.Contracts;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains.Tests;

/// <summary>Information events live in one log per insats and day, each with its own version.</summary>
public class EventLogTests
{
    // Twelve days, one in each month.
    private static readonly DateOnly[] Days = Enumerable.Range(1, 12).Select(m => new DateOnly(2017, m, 10)).ToArray();

    [Fact]
    public async Task Recording_an_event_writes_only_its_days_log_and_not_the_insats_or_the_other_events()
    {
        var storage = new CountingStorage();
        await using var host = await TestHost.StartAsync(storage);
        await host.SeedAsync();
        for (var i = 0; i < 120; i++)
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event($"e{i}", Days[i % 12]), CreateOnly: true));
        var eventBytes = JsonSerializer.Serialize(new StoredEvent(TestHost.Event("e999", Days[5]), 1)).Length;
        storage.Writes.Clear();

        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e999", Days[5]), CreateOnly: true));

        var writes = storage.Writes.Where(w => w.Grain.Type.ToString() != "asf.plan").ToList(); // the plans' live push is separate
        var write = Assert.Single(writes);
        Assert.Equal(GrainId.Create("asf.eventlog", GrainKeys.EventLog(TestHost.Owner, TestHost.InsatsId, Days[5])), write.Grain);
        Assert.InRange(write.Bytes, 11 * eventBytes, 15 * eventBytes); // 10 June's 11 events, not the insats' 121
    }

    [Fact]
    public async Task Events_of_many_days_survive_a_restart_with_their_versions_and_reach_the_plan()
    {
        var storage = new CountingStorage();
        await using (var host = await TestHost.StartAsync(storage))
        {
            await host.SeedAsync();
            foreach (var (date, i) in Days.Select((d, i) => (d, i)))
                await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event($"e{i}", date), CreateOnly: true));
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e3", Days[3]) with { Title = "Ändrad" }, 1));
            // An update that changes the day moves the event: one copy, the next version.
            await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e4", Days[8]), 1));
        }

        await using var restarted = await TestHost.StartAsync(storage);
        var events = await restarted.Insats.GetEvents(TestHost.Jan1, TestHost.Dec31);
        Assert.Equal(12, events.Count);
        Assert.Equal(12, (await restarted.Insats.GetSnapshot()).EventCount);
        Assert.Equal(("Ändrad", 2L), ((await restarted.Insats.GetEvent("e3")).Event!.Title, (await restarted.Insats.GetEvent("e3")).Version));
        Assert.Equal((Days[8], 2L), ((await restarted.Insats.GetEvent("e4")).Event!.Date, (await restarted.Insats.GetEvent("e4")).Version));
        Assert.Single(events, e => e.Id == "e4");
        Assert.Empty(await restarted.Insats.GetEvents(Days[4], Days[4]));
        var rebuilt = await restarted.Plan().Rebuild(); // reads every day's events again
        Assert.Equal(12, (await restarted.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "events").Value);
        Assert.True(rebuilt.Exists);
    }

    [Fact]
    public async Task Creating_an_event_whose_id_is_taken_is_refused_on_the_same_and_on_another_day()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Days[2]), CreateOnly: true));

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Days[2]) with { Title = "Igen" }, CreateOnly: true)));
        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", Days[7]), CreateOnly: true)));

        var stored = await host.Insats.GetEvent("e1");
        Assert.Equal((Days[2], 1L), (stored.Event!.Date, stored.Version));
        Assert.Equal(1, (await host.Insats.GetSnapshot()).EventCount);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_id_on_different_days_store_it_once()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();

        var creates = Days.Select(d => host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", d), CreateOnly: true))).ToList();
        await Task.WhenAll(creates.Select(c => c.ContinueWith(_ => { })));

        Assert.Equal(1, creates.Count(c => c.IsCompletedSuccessfully));
        Assert.Single(await host.Insats.GetEvents(TestHost.Jan1, TestHost.Dec31));
    }

    [Fact]
    public async Task Events_an_older_version_kept_per_month_move_to_their_days_once_with_their_versions()
    {
        var storage = new CountingStorage();
        await using (var host = await TestHost.StartAsync(storage))
            await host.SeedAsync();
        // As stored before events were kept per day: the insats lists two months, whose logs hold three events, and
        // "e2" twice (a move between months cut short by a crash), the newer copy in March.
        var insatsId = GrainId.Create("asf.insats", GrainKeys.Insats(TestHost.Owner, TestHost.InsatsId));
        var insats = storage.Stored<InsatsState>("insats", insatsId)!;
        (insats.SchemaVersion, insats.EventMonths) = (1, ["2017-03", "2017-06"]);
        storage.Put("insats", insatsId, insats);
        GrainId Month(int m) => GrainId.Create("asf.eventlog", GrainKeys.MonthEventLog(TestHost.Owner, TestHost.InsatsId, new DateOnly(2017, m, 1)));
        storage.Put("events", Month(3), new EventLogState
        {
            Events = [new(TestHost.Event("e1", new(2017, 3, 5)), 1), new(TestHost.Event("e2", new(2017, 3, 20)) with { Title = "Nyare" }, 3)],
        });
        storage.Put("events", Month(6), new EventLogState
        {
            Events = [new(TestHost.Event("e3", new(2017, 6, 10)), 1), new(TestHost.Event("e2", new(2017, 6, 1)), 2)],
        });

        await using (var host = await TestHost.StartAsync(storage))
        {
            var events = await host.Insats.GetEvents(TestHost.Jan1, TestHost.Dec31);
            Assert.Equal(new[] { "e1", "e2", "e3" }, events.Select(e => e.Id));
            Assert.Equal((new DateOnly(2017, 3, 20), "Nyare", 3L),
                ((await host.Insats.GetEvent("e2")).Event!.Date, (await host.Insats.GetEvent("e2")).Event!.Title, (await host.Insats.GetEvent("e2")).Version));
            Assert.Equal(3, (await host.Plan().Evaluate(TestHost.Dec31)).Single(i => i.IndicatorId == "events").Value);
        }

        Assert.Empty(storage.Stored<EventLogState>("events", Month(3))!.Events);
        Assert.Empty(storage.Stored<EventLogState>("events", Month(6))!.Events);
        var moved = storage.Stored<InsatsState>("insats", insatsId)!;
        Assert.Equal((2, 0), (moved.SchemaVersion, moved.EventMonths.Count));
        Assert.Equal(new[] { "2017-03-05", "2017-03-20", "2017-06-10" }, moved.EventDays);
        var e1Log = storage.Stored<EventLogState>("events",
            GrainId.Create("asf.eventlog", GrainKeys.EventLog(TestHost.Owner, TestHost.InsatsId, new DateOnly(2017, 3, 5))))!;
        Assert.Equal(("e1", 1L), (e1Log.Events.Single().Event.Id, e1Log.Events.Single().Version));

        // Moved once: a restart reads the days and writes nothing.
        storage.Writes.Clear();
        await using (var host = await TestHost.StartAsync(storage))
            Assert.Equal(3, (await host.Insats.GetSnapshot()).EventCount);
        Assert.DoesNotContain(storage.Writes, w => w.Grain.Type.ToString() is "asf.eventlog" or "asf.insats");
    }
}
