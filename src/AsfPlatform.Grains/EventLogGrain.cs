using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

[GrainType("asf.eventlog")]
public sealed class EventLogGrain([PersistentState("events")] IPersistentState<EventLogState> state) : Grain, IEventLogGrain
{
    // Events of the day recorded while a write is in flight share the next one.
    private CoalescingWriter? _writer;

    private List<StoredEvent> Events => state.State.Events;

    public async Task<EventWrite> Record(InformationEvent informationEvent, long? expectedVersion, bool createOnly, AuditNote? audit = null)
    {
        var i = Events.FindIndex(s => s.Event.Id == informationEvent.Id);
        if (createOnly && i >= 0) throw new AlreadyExistsException($"Aktiviteten '{informationEvent.Id}'");
        var current = i >= 0 ? Events[i].Version : 0;
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, current);
        if (i >= 0 && GrainSupport.Same(Events[i].Event, informationEvent)) return new(current, false);
        var stored = new StoredEvent(informationEvent, current + 1);
        if (i >= 0) Events[i] = stored; else Events.Add(stored);
        GrainSupport.Note(state.State, audit);
        await Persist();
        return new(stored.Version, true);
    }

    public Task Adopt(StoredEvent stored, AuditNote? audit = null)
    {
        GrainSupport.Upsert(Events, stored, s => s.Event.Id);
        GrainSupport.Note(state.State, audit);
        return Persist();
    }

    public async Task<bool> Remove(string eventId, long? expectedVersion, AuditNote? audit = null)
    {
        var i = Events.FindIndex(s => s.Event.Id == eventId);
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, i >= 0 ? Events[i].Version : 0);
        if (i < 0) return false;
        Events.RemoveAt(i);
        GrainSupport.Note(state.State, audit);
        await Persist();
        return true;
    }

    public Task<StoredEvent?> Get(string eventId) => Task.FromResult(Events.Find(s => s.Event.Id == eventId));

    public Task<IReadOnlyList<StoredEvent>> GetAll() => Task.FromResult<IReadOnlyList<StoredEvent>>(Events.ToList());

    public Task Empty()
    {
        if (Events.Count == 0) return Task.CompletedTask;
        Events.Clear();
        return Persist();
    }

    private Task Persist() => (_writer ??= new CoalescingWriter(() => GrainSupport.Write(state), DeactivateOnIdle)).WriteAsync();
}
