using AsfPlatform.Composition.Orleans;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace AsfPlatform.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster (real silos, real messaging) with the ASF grains, on Orleans' memory storage
/// unless a test gives a storage of its own, and a count of the platform's grain calls.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(InProcessTestCluster cluster, GrainCalls calls) => (Cluster, Calls) = (cluster, calls);

    public InProcessTestCluster Cluster { get; }

    /// <summary>The cluster's client.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The platform's grain calls on every silo of the cluster.</summary>
    public GrainCalls Calls { get; }

    /// <summary>Starts <paramref name="silos"/> silos; <paramref name="storage"/> configures each silo's default grain storage.</summary>
    public static async Task<TestHost> StartAsync(Action<ISiloBuilder>? storage = null, short silos = 1)
    {
        var calls = new GrainCalls();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        // The service id is part of every row the platform's storage keys; a restart (a new cluster) must use the same.
        builder.Options.ServiceId = AsfCluster.ServiceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAsfGrains();
            silo.Services.AddSingleton(calls);
            silo.AddIncomingGrainCallFilter<CountingCallFilter>();
            if (storage is null) silo.AddMemoryGrainStorageAsDefault(); else storage(silo);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new TestHost(cluster, calls);
    }

    /// <summary>A cluster whose default storage is <paramref name="storage"/>, kept by the caller across clusters.</summary>
    public static Task<TestHost> StartAsync(CountingStorage storage) =>
        StartAsync(silo => silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, _) => storage));

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    // A small scenario: owner "o", insats "i" (2017–2018), plan 2017 with one indicator per kind of source.
    public const string Owner = "test-owner", InsatsId = "ins";
    public static readonly DateOnly Jan1 = new(2017, 1, 1), Dec31 = new(2017, 12, 31);

    public IOwnerDirectoryGrain Directory => Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(Owner));
    public IInsatsGrain Insats => Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(Owner, InsatsId));
    public IYearlyPlanGrain Plan(int year = 2017) => Grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(Owner, InsatsId, year));
    public ICompanyGrain Company(string id) => Grains.GetGrain<ICompanyGrain>(GrainKeys.Company(Owner, id));
    public IMunicipalityGrain Municipality(string code) => Grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(Owner, code));

    public static PlanContent PlanContent => new("Handlingsplan 2017",
        [new("1", "Bakgrund", "Text")],
        [new("3.2.1", "ASF är känt"), new("3.2.5", "Fler i ASF")],
        [new("a1", "3.2.1", "Frukostmöten", "Bjuda in", "Processledare", "10 ggr 2017"),
         new("a2", "3.2.1", "Mässa", "Delta", "Processledare", "Våren 2017")],
        [
            new("events", "Informationsinsatser", IndicatorKind.CountInPeriod, new(MetricKind.InformationEvents), 50, Dec31, PeriodStart: Jan1, GoalId: "3.2.1"),
            new("employed", "Anställda", IndicatorKind.StockAtDate, new(MetricKind.Employed), 200, Dec31, BaselineValue: 190, BaselineDate: Jan1, SplitBySex: true),
            new("support", "Kommuner i stödstruktur", IndicatorKind.StockAtDate, new(MetricKind.MunicipalitiesInSupportStructure), 5, Dec31, BaselineValue: 3, BaselineDate: Jan1),
            new("outcome", "Arbete eller studier", IndicatorKind.Rate, new(MetricKind.PlacementOutcomeWorkOrStudies, MetricKind.PlacementParticipants), 30, Dec31, PeriodStart: Jan1),
        ],
        [new("b", "Insatsen", 800_000)],
        [new("Processledare", "Processledare")]);

    public static Company NewCompany(string id, string kommunkod = "2184") =>
        new(id, "Företag " + id, null, LegalForm.EkonomiskForening, kommunkod, null, new(true, true, true, true), new(2010, 1, 1), null);

    public async Task SeedAsync(int companies = 0)
    {
        await Directory.Register(new RegisterOwner("Testförbundet", OwnerKind.Samordningsforbund, Subregions: Subregion.Gavleborg));
        await Insats.Define(new DefineInsats(new(InsatsId, "Testinsats", new(2017, 1, 1), new(2018, 12, 31), [], [], [])));
        await Municipality("2184").Register(new RegisterMunicipality("Hudiksvall", null));
        for (var i = 0; i < companies; i++)
        {
            await Company($"asf-{i:00}").Register(new RegisterCompany(NewCompany($"asf-{i:00}")));
            await Company($"asf-{i:00}").RecordFigures(new RecordCompanyFigures(new(new(2017, 3, 1), 2, 1, 3, 1, 1, 0)));
        }
        await Plan().Save(new SavePlan(PlanContent));
    }

    public static InformationEvent Event(string id, DateOnly date) =>
        new(id, date, EventType.Seminarium, "Seminarium om ASF", "2184", ["Samordningsförbundet"], new(Employees: 20));
}
