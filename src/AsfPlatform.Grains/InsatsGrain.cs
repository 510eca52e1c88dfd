using System.Globalization;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

[GrainType("asf.insats")]
public sealed class InsatsGrain([PersistentState("insats")] IPersistentState<InsatsState> state) : Grain, IInsatsGrain, IInsatsFactsGrain
{
    // Every write goes through one writer: events recorded (interleaved) during a write share the next one.
    private CoalescingWriter? _writer;
    private Task<Dictionary<string, string>>? _eventIndex;

    private string Owner => GrainKeys.Segments(this.GetPrimaryKeyString())[0];
    private string Id => GrainKeys.Segments(this.GetPrimaryKeyString())[1];
    private InsatsState S => state.State;

    public async Task<InsatsSnapshot> Define(DefineInsats command)
    {
        var i = command.Insats;
        if (command.CreateOnly && S.Insats is not null) throw new AlreadyExistsException($"Insatsen '{Id}'");
        i = i with { ClosedOn = S.Insats?.ClosedOn }; // closing has its own command; a redefinition keeps it
        FactRules.Insats(i).Require(i.Id == Id, "id", $"Id '{i.Id}' stämmer inte med insatsens nyckel '{Id}'.").ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (S.Insats is not null && GrainSupport.Same(S.Insats, i)) return await Snapshot();
        S.Insats = i;
        S.Version++;
        GrainSupport.Note(S, command.Audit);
        await Persist();
        await GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner)).Enlist(DirectoryEntryKind.Insats, Id);
        return await Snapshot();
    }

    public async Task<InsatsSnapshot> Close(CloseInsats command)
    {
        if (S.Insats is not { } i) throw new NotFoundException($"Insatsen {Id}");
        var closed = i with { ClosedOn = command.Date };
        FactRules.Insats(closed).ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (i.ClosedOn == command.Date) return await Snapshot();
        S.Insats = closed;
        S.Version++;
        GrainSupport.Note(S, command.Audit);
        await Persist();
        return await Snapshot();
    }

    public Task<InsatsSnapshot> GetSnapshot() => Snapshot();

    public Task<InsatsSnapshot> RecordMilestone(RecordNarrativeMilestone command) =>
        Record(command.ExpectedVersion, i => FactRules.Narrative(command.Milestone, i), S.Milestones, command.Milestone, m => m.Id,
            Observations.NarrativeSource(command.Milestone.Id), () => Observations.FromNarrative(command.Milestone), command.Audit);

    public async Task<InsatsSnapshot> RecordEvent(RecordInformationEvent command)
    {
        await SaveEvent(command);
        return await Snapshot();
    }

    public async Task<EventSnapshot> SaveEvent(RecordInformationEvent command)
    {
        var e = command.Event;
        if (S.Insats is null) GrainSupport.Reject("insats", $"Insatsen '{Id}' är inte definierad.");
        FactRules.Event(e, S.Insats!).ThrowIfInvalid();
        var index = await EventIndex();
        var day = Day(e.Date);
        var expected = command.CreateOnly ? null : command.ExpectedVersion;
        if (index.TryGetValue(e.Id, out var was))
        {
            if (command.CreateOnly) throw new AlreadyExistsException($"Aktiviteten '{e.Id}'");
            if (was != day) return await MoveEvent(e, was, day, expected, index, command.Audit);
        }
        else
        {
            // Reserved before the first await, so a create of the same id on another day (interleaved) is refused.
            index[e.Id] = day;
        }

        EventWrite write;
        try
        {
            await EnlistDay(day);
            write = await Log(day).Record(e, expected, command.CreateOnly, command.Audit);
        }
        catch when (was is null)
        {
            index.Remove(e.Id);
            throw;
        }
        if (write.Changed) await PushToPlans(new([Observations.EventSource(e.Id)], Observations.FromEvent(e)));
        return new(Owner, Id, e.Id, e, write.Version);
    }

    public async Task<EventSnapshot> GetEvent(string eventId)
    {
        var stored = (await EventIndex()).TryGetValue(eventId, out var day) ? await Log(day).Get(eventId) : null;
        return new(Owner, Id, eventId, stored?.Event, stored?.Version ?? 0);
    }

    public Task<InsatsSnapshot> RecordPlacement(RecordPlacement command) =>
        Record(command.ExpectedVersion, i => FactRules.Placement(command.Placement, i), S.Placements, command.Placement, p => p.Id,
            Observations.PlacementSource(command.Placement.Id), () => Observations.FromPlacement(command.Placement), command.Audit);

    public async Task<InsatsSnapshot> SetNarrative(SetInsatsNarrative command)
    {
        if (S.Insats is null) GrainSupport.Reject("insats", $"Insatsen '{Id}' är inte definierad.");
        NarrativeRules.Check(command.Narrative, S.Insats!).ThrowIfInvalid();
        // Years in order, so the same texts sent in another order are the same version.
        var narrative = command.Narrative with { Years = (command.Narrative.Years ?? []).OrderBy(y => y.Year).ToList() };
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (S.Narrative is not null && GrainSupport.Same(S.Narrative, narrative)) return await Snapshot();
        S.Narrative = narrative;
        S.Version++;
        GrainSupport.Note(S, command.Audit);
        await Persist();
        return await Snapshot();
    }

    public Task<InsatsSnapshot> RecordStatedTotal(RecordStatedTotal command) =>
        Record(command.ExpectedVersion, _ => FactRules.StatedTotal(command.Total), S.StatedTotals, command.Total, t => t.Id, null, null, command.Audit);

    public async Task<InsatsSnapshot> RemoveEvent(string eventId, long? expectedVersion = null, AuditNote? audit = null)
    {
        var index = await EventIndex();
        if (!index.TryGetValue(eventId, out var day))
        {
            GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, 0);
            return await Snapshot();
        }
        if (!await Log(day).Remove(eventId, expectedVersion, audit)) return await Snapshot();
        if (index.TryGetValue(eventId, out var now) && now == day) index.Remove(eventId);
        await PushToPlans(new([Observations.EventSource(eventId)], []));
        return await Snapshot();
    }

    public Task<InsatsSnapshot> RemovePlacement(string placementId, long? expectedVersion = null, AuditNote? audit = null) =>
        Remove(expectedVersion, S.Placements, p => p.Id == placementId, Observations.PlacementSource(placementId), audit);

    public Task<InsatsSnapshot> RemoveMilestone(string milestoneId, long? expectedVersion = null, AuditNote? audit = null) =>
        Remove(expectedVersion, S.Milestones, m => m.Id == milestoneId, Observations.NarrativeSource(milestoneId), audit);

    public async Task<IReadOnlyList<InformationEvent>> GetEvents(DateOnly from, DateOnly to)
    {
        await EventIndex(); // moves schema-1 events into their days first
        if (from > to) return [];
        var days = S.EventDays.GetViewBetween(Day(from), Day(to)).ToList();
        var logs = await Task.WhenAll(days.Select(d => Log(d).GetAll()));
        return logs.SelectMany(l => l).Select(s => s.Event).Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date).ToList();
    }

    public Task<IReadOnlyList<Placement>> GetPlacements() =>
        Task.FromResult<IReadOnlyList<Placement>>(S.Placements.OrderBy(p => p.Year).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());

    public async Task<QualityInputs> GetQualityInputs() => new(S.StatedTotals.ToList(), await Observe());

    public Task<IReadOnlyList<Observation>> GetObservations() => Observe();

    public async Task RegisterPlan(int year, bool readsInsatsFacts)
    {
        if (S.Plans.TryGetValue(year, out var reads) && reads == readsInsatsFacts) return;
        S.Plans[year] = readsInsatsFacts;
        await Persist(); // bookkeeping, not a user-visible change: the version stays
    }

    /// <summary>Every fact's observations, events of all days included (a plan's rebuild reads them all).</summary>
    private async Task<IReadOnlyList<Observation>> Observe()
    {
        var events = await GetEvents(DateOnly.MinValue, DateOnly.MaxValue);
        return events.SelectMany(Observations.FromEvent)
            .Concat(S.Placements.SelectMany(Observations.FromPlacement))
            .Concat(S.Milestones.SelectMany(Observations.FromNarrative)).ToList();
    }

    /// <summary>An update that changes an event's day: stored in the new day's log first, so a crash in between
    /// leaves a duplicate (the newer version wins when the index is built) rather than a loss.</summary>
    private async Task<EventSnapshot> MoveEvent(InformationEvent e, string from, string to, long? expected,
        Dictionary<string, string> index, AuditNote? audit)
    {
        var current = await Log(from).Get(e.Id);
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expected, current?.Version ?? 0);
        var stored = new StoredEvent(e, (current?.Version ?? 0) + 1);
        await EnlistDay(to);
        await Log(to).Adopt(stored, audit); // the change is stored here, so its note is too
        index[e.Id] = to;
        await Log(from).Remove(e.Id, null);
        await PushToPlans(new([Observations.EventSource(e.Id)], Observations.FromEvent(e)));
        return new(Owner, Id, e.Id, e, stored.Version);
    }

    /// <summary>Event id → day, read from the day logs once per activation (ids are unique across days).</summary>
    private async Task<Dictionary<string, string>> EventIndex()
    {
        _eventIndex ??= LoadEventIndex();
        try
        {
            return await _eventIndex;
        }
        catch
        {
            _eventIndex = null; // a failed read is retried by the next call
            throw;
        }
    }

    private async Task<Dictionary<string, string>> LoadEventIndex()
    {
        await MoveEventsToDays();
        var days = S.EventDays.ToList();
        var logs = await Task.WhenAll(days.Select(d => Log(d).GetAll()));
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < days.Count; i++)
            foreach (var stored in logs[i])
                if (!versions.TryGetValue(stored.Event.Id, out var v) || stored.Version > v)
                    (index[stored.Event.Id], versions[stored.Event.Id]) = (days[i], stored.Version);
        return index;
    }

    /// <summary>
    /// Schema 1 kept the events in this state, and later in one log per month: moves them to their days' logs once.
    /// Each is stored in its day's log before this state forgets the months, and the month logs are emptied last, so
    /// a crash anywhere in between repeats the move (stored as it is, version kept) rather than losing an event.
    /// </summary>
    private async Task MoveEventsToDays()
    {
        if (S.Events.Count == 0 && S.EventMonths.Count == 0) return;
        var months = S.EventMonths.ToList();
        var monthLogs = await Task.WhenAll(months.Select(m => MonthLog(m).GetAll()));
        // An event a crash left in two months (see MoveEvent) is moved once, in its newer version.
        var moving = S.Events.Select(e => new StoredEvent(e, 1)).Concat(monthLogs.SelectMany(l => l))
            .GroupBy(s => s.Event.Id, StringComparer.Ordinal).Select(g => g.MaxBy(s => s.Version)!).ToList();
        foreach (var stored in moving) S.EventDays.Add(Day(stored.Event.Date));
        await Persist(); // the days first: no event is stored in a log this state does not know
        await Task.WhenAll(moving.GroupBy(s => Day(s.Event.Date)).Select(async day =>
        {
            foreach (var stored in day) await Log(day.Key).Adopt(stored);
        }));
        S.Events.Clear();
        S.EventMonths.Clear();
        S.SchemaVersion = 2;
        await Persist(); // bookkeeping, not a user-visible change: the version stays
        foreach (var month in months) await MonthLog(month).Empty();
    }

    /// <summary>Remembers (durably, before its first event is) that a day has events.</summary>
    private Task EnlistDay(string day) => S.EventDays.Add(day) ? Persist() : Task.CompletedTask;

    private IEventLogGrain Log(string day) =>
        GrainFactory.GetGrain<IEventLogGrain>(GrainKeys.EventLog(Owner, Id, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private IEventLogGrain MonthLog(string month) =>
        GrainFactory.GetGrain<IEventLogGrain>(GrainKeys.MonthEventLog(Owner, Id, DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Validates against the insats, stores (unless unchanged) and pushes the one changed fact.</summary>
    private async Task<InsatsSnapshot> Record<T>(long? expectedVersion, Func<Insats, Validator> validate, List<T> list, T item,
        Func<T, string> id, string? sourceId, Func<IReadOnlyList<Observation>>? observe, AuditNote? audit)
    {
        if (S.Insats is null) GrainSupport.Reject("insats", $"Insatsen '{Id}' är inte definierad.");
        validate(S.Insats!).ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, S.Version);
        if (!GrainSupport.Upsert(list, item, id)) return await Snapshot();
        S.Version++;
        GrainSupport.Note(S, audit);
        await Persist();
        if (sourceId is not null && observe is not null) await PushToPlans(new([sourceId], observe()));
        return await Snapshot();
    }

    /// <summary>Removes one fact (unless absent) and pushes that its source now contributes nothing.</summary>
    private async Task<InsatsSnapshot> Remove<T>(long? expectedVersion, List<T> list, Predicate<T> match, string sourceId, AuditNote? audit)
    {
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, S.Version);
        if (list.RemoveAll(match) == 0) return await Snapshot();
        S.Version++;
        GrainSupport.Note(S, audit);
        await Persist();
        await PushToPlans(new([sourceId], []));
        return await Snapshot();
    }

    /// <summary>Writes the state with every change made so far; changes must be made before calling, without awaiting.</summary>
    private Task Persist() => (_writer ??= new CoalescingWriter(() => GrainSupport.Write(state), DeactivateOnIdle)).WriteAsync();

    private Task PushToPlans(ObservationUpdate update) =>
        GrainSupport.Push(GrainFactory, S.Plans.Where(p => p.Value).Select(p => GrainKeys.Plan(Owner, Id, p.Key)), update);

    private async Task<InsatsSnapshot> Snapshot()
    {
        var events = (await EventIndex()).Count;
        return new(Owner, Id, S.Insats, S.Milestones.OrderBy(m => m.Year).ThenBy(m => m.Date).ToList(),
            S.StatedTotals.ToList(), S.Plans.Keys.Order().ToList(), events, S.Placements.Count, S.Version, S.Narrative);
    }
}
