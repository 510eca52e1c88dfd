using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Grains.Infrastructure;

namespace AsfPlatform.Grains;

[GrainType("asf.company")]
public sealed class CompanyGrain([PersistentState("company")] IPersistentState<CompanyState> state) : Grain, ICompanyGrain, IFactSourceGrain
{
    private string Owner => GrainKeys.Segments(this.GetPrimaryKeyString())[0];
    private string Id => GrainKeys.Segments(this.GetPrimaryKeyString())[^1];
    private CompanyState S => state.State;

    public async Task<CompanySnapshot> Register(RegisterCompany command)
    {
        var c = command.Company;
        var v = FactRules.Company(c);
        v.Require(c.Id == Id, "id", $"Id '{c.Id}' stämmer inte med företagets nyckel '{Id}'.");
        v.ThrowIfInvalid();
        c = c with { OrganisationNumber = OrganisationNumber.Normalize(c.OrganisationNumber) };
        if (command.CreateOnly && S.Company is not null) throw new AlreadyExistsException($"Företaget '{Id}'");
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (S.Company is not null && GrainSupport.Same(S.Company, c)) return Snapshot();
        S.Company = c;
        GrainSupport.Note(S, command.Audit);
        await Commit();
        await GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner)).Enlist(DirectoryEntryKind.Company, Id);
        return Snapshot();
    }

    public async Task<CompanySnapshot> Close(CloseCompany command)
    {
        if (S.Company is not { } c) throw new NotFoundException($"Företaget {Id}");
        new Validator().Ordered("registreradTill", c.RegisteredFrom, command.Date).ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (c.RegisteredTo == command.Date) return Snapshot();
        S.Company = c with { RegisteredTo = command.Date };
        GrainSupport.Note(S, command.Audit);
        await Commit(); // the company stops counting as active after the date, so plans hear of it at once
        return Snapshot();
    }

    public async Task<CompanySnapshot> RecordFigures(RecordCompanyFigures command)
    {
        if (S.Company is null) GrainSupport.Reject("id", $"Företaget '{Id}' är inte registrerat.");
        FactRules.CompanyFigures(command.Figures).ThrowIfInvalid();
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), command.ExpectedVersion, S.Version);
        if (!GrainSupport.Upsert(S.Figures, command.Figures, f => f.Date.ToString("O"))) return Snapshot();
        S.Figures.Sort((a, b) => a.Date.CompareTo(b.Date));
        GrainSupport.Note(S, command.Audit);
        await Commit();
        return Snapshot();
    }

    public async Task<CompanySnapshot> RemoveFigures(DateOnly date, long? expectedVersion = null, AuditNote? audit = null)
    {
        GrainSupport.CheckVersion(this.GetPrimaryKeyString(), expectedVersion, S.Version);
        if (S.Figures.RemoveAll(f => f.Date == date) == 0) return Snapshot();
        GrainSupport.Note(S, audit);
        await Commit();
        return Snapshot();
    }

    public Task<CompanySnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<IReadOnlyList<Observation>> GetObservations() => Task.FromResult(Observe());

    private IReadOnlyList<Observation> Observe() => S.Company is null ? [] : Observations.FromCompany(S.Company, S.Figures);

    /// <summary>Stores, then pushes only this company's observations to the plans that read company figures.</summary>
    private async Task Commit()
    {
        S.Version++;
        await GrainSupport.WriteOrDrop(state, DeactivateOnIdle);
        var plans = await GrainFactory.GetGrain<IOwnerRegistryGrain>(GrainKeys.Owner(Owner)).GetSubscribers(MetricSource.Company);
        await GrainSupport.Push(GrainFactory, plans, new([Observations.CompanySource(Id)], Observe()));
    }

    private CompanySnapshot Snapshot() => new(Owner, Id, S.Company, S.Figures.ToList(), S.Version);
}
