using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Runtime;

namespace AsfPlatform.Grains;

[GrainType("asf.insats")]
public sealed class InsatsGrain([PersistentState("insats")] IPersistentState<InsatsState> state) : Grain, IInsatsGrain
{
    // Every write goes through one writer: events recorded (interleaved) during a write share the next one.
    private CoalescingWriter? _writer;

    private string Owner => GrainKeys.Segments(GetPrimaryKeyString())[0];
    private string Id => GrainKeys.Segments(GetPrimaryKeyString())[1];
    private InsatsState S => state.State;

    public async Task<InsatsSnapshot> Define(DefineInsats command)
    {
        var i = command.Insats;
        FactRules.Insats(i).Require(i.Id == Id, "id", $"Id '{i.Id}' stämmer inte med insatsens nyckel '{Id}'.").ThrowIfInvalid();
        GrainSupport.CheckVersion(GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (S.Insats is not null && GrainSupport.Same(S.Insats, i)) return Snapshot();
        S.Insats = i;
        S.Version++;
        await Persist();
        await GrainFactory.GetGrain<IOwnerDirectoryGrain>(Owner).Enlist(DirectoryEntryKind.Insats, Id);
        return Snapshot();
    }

    public Task<InsatsSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<InsatsSnapshot> RecordMilestone(RecordNarrativeMilestone command) =>
        Record(command.ExpectedVersion, i => FactRules.Narrative(command.Milestone, i), S.Milestones, command.Milestone, m => m.Id,
            Observations.NarrativeSource(command.Milestone.Id), () => Observations.FromNarrative(command.Milestone));

    public Task<InsatsSnapshot> RecordEvent(RecordInformationEvent command)
    {
        // A create names no version: it only needs the id to be free, whatever else changed in the insats meanwhile.
        if (command.CreateOnly && S.Events.Any(e => e.Id == command.Event.Id))
            throw new AlreadyExistsException($"Aktiviteten '{command.Event.Id}'");
        return Record(command.CreateOnly ? null : command.ExpectedVersion, i => FactRules.Event(command.Event, i), S.Events, command.Event, e => e.Id,
            Observations.EventSource(command.Event.Id), () => Observations.FromEvent(command.Event));
    }

    public Task<InsatsSnapshot> RecordPlacement(RecordPlacement command) =>
        Record(command.ExpectedVersion, i => FactRules.Placement(command.Placement, i), S.Placements, command.Placement, p => p.Id,
            Observations.PlacementSource(command.Placement.Id), () => Observations.FromPlacement(command.Placement));

    public Task<InsatsSnapshot> RecordStatedTotal(RecordStatedTotal command) =>
        Record(command.ExpectedVersion, _ => FactRules.StatedTotal(command.Total), S.StatedTotals, command.Total, t => t.Id, null, null);

    public async Task<InsatsSnapshot> RemoveEvent(string eventId, long? expectedVersion = null)
    {
        GrainSupport.CheckVersion(GetPrimaryKeyString(), expectedVersion, S.Version);
        if (S.Events.RemoveAll(e => e.Id == eventId) == 0) return Snapshot();
        S.Version++;
        await Persist();
        await PushToPlans(new([Observations.EventSource(eventId)], []));
        return Snapshot();
    }

    public Task<IReadOnlyList<InformationEvent>> GetEvents(DateOnly from, DateOnly to) =>
        Task.FromResult<IReadOnlyList<InformationEvent>>(S.Events.Where(e => e.Date >= from && e.Date <= to).OrderBy(e => e.Date).ToList());

    public Task<IReadOnlyList<Placement>> GetPlacements() =>
        Task.FromResult<IReadOnlyList<Placement>>(S.Placements.OrderBy(p => p.Year).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());

    public Task<QualityInputs> GetQualityInputs() => Task.FromResult(new QualityInputs(S.StatedTotals.ToList(), Observe()));

    public Task<IReadOnlyList<Observation>> GetObservations() => Task.FromResult(Observe());

    public async Task RegisterPlan(int year, bool readsInsatsFacts)
    {
        if (S.Plans.TryGetValue(year, out var reads) && reads == readsInsatsFacts) return;
        S.Plans[year] = readsInsatsFacts;
        await Persist(); // bookkeeping, not a user-visible change: the version stays
    }

    private IReadOnlyList<Observation> Observe() =>
        S.Events.SelectMany(Observations.FromEvent)
            .Concat(S.Placements.SelectMany(Observations.FromPlacement))
            .Concat(S.Milestones.SelectMany(Observations.FromNarrative)).ToList();

    /// <summary>Validates against the insats, stores (unless unchanged) and pushes the one changed fact.</summary>
    private async Task<InsatsSnapshot> Record<T>(long? expectedVersion, Func<Insats, Validator> validate, List<T> list, T item,
        Func<T, string> id, string? sourceId, Func<IReadOnlyList<Observation>>? observe)
    {
        if (S.Insats is null) GrainSupport.Reject("insats", $"Insatsen '{Id}' är inte definierad.");
        validate(S.Insats!).ThrowIfInvalid();
        GrainSupport.CheckVersion(GetPrimaryKeyString(), expectedVersion, S.Version);
        if (!GrainSupport.Upsert(list, item, id)) return Snapshot();
        S.Version++;
        await Persist();
        if (sourceId is not null && observe is not null) await PushToPlans(new([sourceId], observe()));
        return Snapshot();
    }

    /// <summary>Writes the state with every change made so far; changes must be made before calling, without awaiting.</summary>
    private Task Persist() => (_writer ??= new CoalescingWriter(state.WriteStateAsync)).WriteAsync();

    private Task PushToPlans(ObservationUpdate update) =>
        GrainSupport.Push(GrainFactory, S.Plans.Where(p => p.Value).Select(p => GrainKeys.Plan(Owner, Id, p.Key)), update);

    private InsatsSnapshot Snapshot() => new(Owner, Id, S.Insats, S.Milestones.OrderBy(m => m.Year).ThenBy(m => m.Date).ToList(),
        S.StatedTotals.ToList(), S.Plans.Keys.Order().ToList(), S.Events.Count, S.Placements.Count, S.Version);
}
