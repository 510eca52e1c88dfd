using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;
using Orleans.Utilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsfPlatform.Grains;

/// <summary>
/// A yearly plan with live goal state. Sources push the observations of the one fact that changed
/// (<see cref="ApplyObservations"/>); the plan replaces that source's observations, re-evaluates its indicators in
/// memory and notifies observers. No other grain is read per update. Pushes interleave with everything else, and all
/// writes of the state go through one <see cref="CoalescingWriter"/>, so pushes arriving during a write share the next
/// one (one plan's writes cannot share the database's group commit, being one after another).
/// The observations of information events are held in memory only and read from the insats' day logs (which are
/// durable, and written before an event is pushed) once per activation, so the stored state, written on every push,
/// does not grow with the number of events.
/// </summary>
[GrainType("asf.plan")]
public sealed class YearlyPlanGrain(
    [PersistentState("plan")] IPersistentState<YearlyPlanState> state,
    TimeProvider? time = null,
    ILogger<YearlyPlanGrain>? logger = null) : Grain, IYearlyPlanGrain, IPlanFactsGrain
{
    private readonly ObserverManager<IPlanObserver> _observers =
        new(TimeSpan.FromMinutes(10), (ILogger?)logger ?? NullLogger.Instance);

    private CoalescingWriter? _writer;
    private bool _notifyPending;
    private HeldPushes? _held;
    private readonly ObservationsBySource _events = new();
    private Task? _eventsRead;
    private Dictionary<string, string>? _placements;

    private string Key => this.GetPrimaryKeyString();
    private string Owner => GrainKeys.Segments(Key)[0];
    private string InsatsId => GrainKeys.Segments(Key)[1];
    private int Year => int.Parse(GrainKeys.Segments(Key)[2]);
    private YearlyPlanState S => state.State;

    public async Task<PlanSnapshot> Save(SavePlan command)
    {
        FactRules.Plan(command.Content, Year).ThrowIfInvalid();
        await EventsRead();
        var insats = await GrainFactory.GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, InsatsId)).GetSnapshot();
        if (insats.Insats is not { } i) throw ValidationException.For("insats", $"Insatsen '{InsatsId}' är inte definierad.");
        if (Year < i.PeriodStart.Year || Year > i.PeriodEnd.Year)
            throw ValidationException.For("ar", $"Året {Year} ligger utanför insatsens period ({i.PeriodStart.Year}–{i.PeriodEnd.Year}).");
        if (S.Content is null && i.ClosedOn is { } closed && Year > closed.Year)
            throw ValidationException.For("ar", $"Insatsen avslutades {closed:yyyy-MM-dd}; ingen handlingsplan för {Year} kan skapas.");
        GrainSupport.CheckVersion(Key, command.ExpectedVersion, S.Version);
        if (S.Content is not null && GrainSupport.Same(S.Content, command.Content)) return Snapshot();

        var sourcesBefore = S.Content is null ? null : SourcesOf(S.Content);
        var sources = SourcesOf(command.Content);
        if (sourcesBefore is null || !sourcesBefore.SequenceEqual(sources) || !S.Content!.Metrics.SetEquals(command.Content.Metrics))
            await ReadSourcesHoldingPushes(sources, command.Content.Metrics, read =>
            {
                S.Content = command.Content;
                GrainSupport.Note(S, command.Audit); // with the content: a push's write in between carries both
                Adopt(read);
            });
        else
        {
            S.Content = command.Content;
            GrainSupport.Note(S, command.Audit);
        }

        S.Version++;
        _placements = null;
        await PlacementsRead();
        await Persist(notify: true);
        return Snapshot();
    }

    public async Task<PlanSnapshot> Create(CreatePlan command)
    {
        if (S.Content is not null) throw new AlreadyExistsException($"Handlingsplanen för {Year}");
        // The note of a new plan shows the content it starts with, whichever way it was made (template, copy).
        var audit = command.Audit is { AfterJson: null } note ? note with { AfterJson = GrainSupport.AuditJson(command.Content) } : command.Audit;
        return await Save(new SavePlan(command.Content, ExpectedVersion: S.Version, audit));
    }

    public async Task<PlanSnapshot> SetActivityDone(SetActivityDone command)
    {
        await EventsRead();
        var content = RequireContent();
        if (content.Activities.All(a => a.Id != command.ActivityId))
            throw ValidationException.For("aktivitet", $"Aktiviteten '{command.ActivityId}' finns inte i planen.");
        GrainSupport.CheckVersion(Key, command.ExpectedVersion, S.Version);
        var activities = content.Activities.Select(a => a.Id == command.ActivityId ? a with { Done = command.Done } : a).ToList();
        if (GrainSupport.Same(activities, content.Activities)) return Snapshot();
        S.Content = content with { Activities = activities };
        S.Version++;
        await Persist(notify: false);
        return Snapshot();
    }

    public async Task<PlanSnapshot> GetSnapshot()
    {
        await EventsRead();
        await PlacementsRead();
        return Snapshot();
    }

    public async Task<IReadOnlyList<IndicatorEvaluation>> Evaluate(DateOnly asOf)
    {
        await EventsRead();
        await PlacementsRead();
        return EvaluateAt(asOf);
    }

    public async Task<PlanSnapshot> CreateNextYear(AuditNote? audit = null)
    {
        var content = RequireContent();
        var next = GrainFactory.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(Owner, InsatsId, Year + 1));
        if ((await next.GetSnapshot()).Exists)
            throw ValidationException.For("ar", $"Handlingsplanen för {Year + 1} finns redan.");
        await EventsRead();
        await PlacementsRead();
        // This year's outcomes, at each indicator's target date, are where next year's indicators start from.
        var outcomes = content.Indicators
            .Select(i => (i.Id, IndicatorEvaluator.Evaluate(i, AllObservations(), i.TargetDate).Value))
            .Where(o => o.Value is not null).ToDictionary(o => o.Id, o => o.Value!.Value);
        return await next.Create(new CreatePlan(CopyForward.NextYear(content, Year, outcomes), audit));
    }

    public async Task<PlanSnapshot> Rebuild()
    {
        await EventsRead(); // a read in progress holds pushes; this one must not start beside it
        var content = RequireContent();
        await ReadSourcesHoldingPushes(SourcesOf(content), content.Metrics, Adopt);
        S.FactsVersion++;
        await Persist(notify: true);
        return Snapshot();
    }

    public Task Subscribe(IPlanObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IPlanObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    // Interleaves ([AlwaysInterleave]): the change is made before the first await, on the activation's serial
    // context, and the call returns once a write carrying it is durable.
    public async Task ApplyObservations(ObservationUpdate update)
    {
        // The first push after activation starts the read of the events; it holds this and later pushes meanwhile.
        var eventsRead = _held is null ? EventsRead() : Task.CompletedTask;
        if (_held is { } held)
        {
            held.Updates.Add(update);
            await held.Released.Task;
            await eventsRead;
            await Persist(notify: true);
            return;
        }

        await eventsRead;
        // A municipality that moved between the owner's subregions pushes its source: read the places again.
        var placed = CountsPerSubregion(S.Content)
            && update.SourceIds.Any(id => id.StartsWith(Observations.MunicipalitySource(""), StringComparison.Ordinal));
        if (placed) _placements = null;
        if (!Merge(update) && !placed) return;
        await PlacementsRead();
        await Persist(notify: true);
    }

    /// <summary>
    /// The owner's placement of its municipalities, read when an indicator counts per subregion: facts carry their
    /// municipality, and the owner decides which of its subregions that is. The owner directory never calls a plan,
    /// so reading it during a push cannot wait on the pushing grain.
    /// </summary>
    private async Task PlacementsRead()
    {
        if (_placements is not null || !CountsPerSubregion(S.Content)) return;
        _placements = await GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner)).GetPlacements();
    }

    private static bool CountsPerSubregion(PlanContent? content) =>
        content?.Indicators.Any(i => i.EffectiveScope.Level == ScopeLevel.Subregion) == true;

    /// <summary>Replaces the pushing sources' observations; false when nothing this plan reads has changed.</summary>
    private bool Merge(ObservationUpdate update)
    {
        if (S.Content is null) return false;
        var metrics = S.Content.Metrics;
        var sources = update.SourceIds.ToHashSet();
        var after = update.Observations.Where(o => sources.Contains(o.SourceId) && metrics.Contains(o.Metric)).ToList();
        var changed = Replace(S.Observations, sources, after.Where(o => !Observations.IsEventSource(o.SourceId)))
            | _events.Replace(sources.Where(Observations.IsEventSource), after.Where(o => Observations.IsEventSource(o.SourceId)).ToList());
        if (changed) S.FactsVersion++;
        return changed;
    }

    private static bool Replace(List<Observation> list, HashSet<string> sources, IEnumerable<Observation> after)
    {
        var now = after.ToList();
        if (list.Where(o => sources.Contains(o.SourceId)).SequenceEqual(now)) return false;
        list.RemoveAll(o => sources.Contains(o.SourceId));
        list.AddRange(now);
        return true;
    }

    /// <summary>Takes a full read of the sources: events' observations in memory, the others in the stored state.</summary>
    private void Adopt(List<Observation> read)
    {
        S.Observations = read.Where(o => !Observations.IsEventSource(o.SourceId)).ToList();
        _events.Reset(read.Where(o => Observations.IsEventSource(o.SourceId)));
        _eventsRead = Task.CompletedTask;
    }

    /// <summary>
    /// The events' observations, read once per activation from the insats (its day logs); a failed read is retried
    /// by the next call. Must be awaited before anything evaluates or replaces the observations.
    /// </summary>
    private Task EventsRead()
    {
        if (S.SchemaVersion < 2)
        {
            S.Observations.RemoveAll(o => Observations.IsEventSource(o.SourceId)); // stored by schema 1; read again below
            S.SchemaVersion = 2;
        }
        if (_eventsRead is { IsFaulted: true } or { IsCanceled: true }) _eventsRead = null;
        return _eventsRead ??= ReadEvents();
    }

    private async Task ReadEvents()
    {
        if (S.Content is not { } content || !SourcesOf(content).Contains(MetricSource.Insats)) return;
        await HoldingPushes(async () =>
        {
            var read = await GrainFactory.GetGrain<IInsatsFactsGrain>(GrainKeys.Insats(Owner, InsatsId)).GetObservations();
            _events.Reset(read.Where(o => Observations.IsEventSource(o.SourceId) && content.Metrics.Contains(o.Metric)));
        });
    }

    /// <summary>
    /// Every write of the plan's state goes through here, so writes never overlap, keep their order, and pushes
    /// made during a write share the next one. Observers hear once per write that changed what they see.
    /// </summary>
    private Task Persist(bool notify)
    {
        _notifyPending |= notify;
        _writer ??= new CoalescingWriter(async () =>
        {
            var notifyAfter = _notifyPending;
            _notifyPending = false;
            await GrainSupport.Write(state);
            if (notifyAfter) await Notify();
        }, DeactivateOnIdle);
        return _writer.WriteAsync();
    }

    /// <summary>
    /// Registers and reads the sources with pushes held back: a push arriving during the read is applied after the
    /// read result is adopted (in arrival order), so the read cannot overwrite a newer pushed fact.
    /// </summary>
    private Task ReadSourcesHoldingPushes(IReadOnlyList<MetricSource> sources, IReadOnlySet<MetricKind> metrics, Action<List<Observation>> adopt) =>
        HoldingPushes(async () =>
        {
            await Register(sources);
            adopt(await ReadSources(sources, metrics));
        });

    /// <summary>Runs a read with pushes held back; they are merged after it, in arrival order.</summary>
    private async Task HoldingPushes(Func<Task> readAndAdopt)
    {
        var held = _held = new HeldPushes();
        try
        {
            await readAndAdopt();
        }
        finally
        {
            _held = null;
            foreach (var update in held.Updates) Merge(update);
            held.Released.SetResult();
        }
    }

    private sealed class HeldPushes
    {
        public List<ObservationUpdate> Updates { get; } = [];
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // A plan counting per subregion also hears from the municipalities, so a move between subregions reaches it.
    private static IReadOnlyList<MetricSource> SourcesOf(PlanContent content) =>
        content.Metrics.SelectMany(MetricCatalog.SourcesOf)
            .Concat(CountsPerSubregion(content) ? [MetricSource.Municipality] : []).Distinct().Order().ToList();

    private async Task Register(IReadOnlyList<MetricSource> sources)
    {
        var directory = GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner));
        await directory.Enlist(DirectoryEntryKind.Plan, Key);
        await directory.Subscribe(Key, sources);
        await GrainFactory.GetGrain<IInsatsFactsGrain>(GrainKeys.Insats(Owner, InsatsId)).RegisterPlan(Year, sources.Contains(MetricSource.Insats));
    }

    /// <summary>Reads every source once (on creation or when the indicators change what they read).</summary>
    private async Task<List<Observation>> ReadSources(IReadOnlyList<MetricSource> sources, IReadOnlySet<MetricKind> metrics)
    {
        var directory = GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner));
        var all = new List<Observation>();
        if (sources.Contains(MetricSource.Insats))
            all.AddRange(await GrainFactory.GetGrain<IInsatsFactsGrain>(GrainKeys.Insats(Owner, InsatsId)).GetObservations());
        if (sources.Contains(MetricSource.Survey)) all.AddRange(await directory.GetSurveyObservations());
        if (sources.Contains(MetricSource.Company) || sources.Contains(MetricSource.Municipality))
        {
            var owner = await GrainFactory.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(Owner)).GetSnapshot();
            if (sources.Contains(MetricSource.Company))
                foreach (var c in owner.Companies)
                    all.AddRange(await GrainFactory.GetGrain<ICompanyGrain>(GrainKeys.Company(Owner, c)).AsReference<IFactSourceGrain>().GetObservations());
            if (sources.Contains(MetricSource.Municipality))
                foreach (var m in owner.Municipalities)
                    all.AddRange(await GrainFactory.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(Owner, m)).AsReference<IFactSourceGrain>().GetObservations());
        }
        return all.Where(o => metrics.Contains(o.Metric)).ToList();
    }

    private Task Notify()
    {
        if (_observers.Count == 0) return Task.CompletedTask;
        var asOf = LiveDate();
        var change = new PlanIndicatorsChanged(Key, S.Version, S.FactsVersion, asOf, EvaluateAt(asOf));
        return _observers.Notify(o => o.IndicatorsChanged(change));
    }

    /// <summary>Today, kept inside the plan year: a past year's plan shows its year-end result.</summary>
    private DateOnly LiveDate()
    {
        var today = DateOnly.FromDateTime((time ?? TimeProvider.System).GetLocalNow().DateTime);
        var (start, end) = (new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
        return today < start ? start : today > end ? end : today;
    }

    private IReadOnlyList<IndicatorEvaluation> EvaluateAt(DateOnly asOf)
    {
        if (S.Content is null) return [];
        var all = AllObservations();
        return S.Content.Indicators.Select(i => IndicatorEvaluator.Evaluate(i, all, asOf)).ToList();
    }

    private IReadOnlyList<Observation> AllObservations()
    {
        var all = _events.Count == 0 ? S.Observations : S.Observations.Concat(_events.All).ToList();
        // Municipalities the owner placed count in the owner's subregion; others keep the one they were recorded with.
        return _placements is not { Count: > 0 } placements ? all
            : all.Select(o => !o.IsSurvey && o.Kommunkod is { } k && placements.TryGetValue(k, out var sub) && sub != o.Subregion
                ? o with { Subregion = sub } : o).ToList();
    }

    private PlanContent RequireContent() =>
        S.Content ?? throw new NotFoundException($"Handlingsplanen {Key}");

    private PlanSnapshot Snapshot()
    {
        var asOf = LiveDate();
        return new(Owner, InsatsId, Year, S.Content, asOf, EvaluateAt(asOf), S.Observations.Count + _events.Count, S.Version, S.FactsVersion);
    }
}
