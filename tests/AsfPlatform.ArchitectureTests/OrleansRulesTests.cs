using System.Globalization;
using System.Reflection;
using AsfPlatform.Contracts;
using AsfPlatform.Grains;

namespace AsfPlatform.ArchitectureTests;

/// <summary>
/// Rules Orleans does not check itself but the platform depends on: stored rows must never be shared or mis-keyed,
/// stored data and mixed-version clusters must survive renames, and the web host must not address grains.
/// </summary>
public sealed class OrleansRulesTests
{
    private static readonly Assembly GrainsAssembly = typeof(CompanyGrain).Assembly;
    private static readonly Assembly[] ExchangeAssemblies =
        [typeof(Domain.Indicators.Observation).Assembly, typeof(GrainKeys).Assembly, GrainsAssembly];

    [Fact]
    public void Every_grain_class_stores_its_state_under_a_state_name_of_its_own()
    {
        // Orleans' ADO.NET storage keys a row by service, state name and grain key, not by grain class: two grain
        // classes with one state name and one key would share a row.
        var names = GrainClasses()
            .SelectMany(type => type.GetConstructors().SelectMany(c => c.GetParameters())
                .SelectMany(p => p.GetCustomAttributes<PersistentStateAttribute>())
                .Select(a => (Grain: type.Name, a.StateName)))
            .ToList();

        Assert.NotEmpty(names);
        var shared = names.GroupBy(n => n.StateName).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Grain))}").ToList();
        Assert.True(shared.Count == 0, $"State names used by more than one grain class: {string.Join("; ", shared)}");
    }

    [Theory]
    [InlineData("finsam-gavleborg")]
    [InlineData("cafe")]
    [InlineData("2180")]
    [InlineData("020235")]
    [InlineData("0CAFE")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public void No_grain_key_can_be_read_as_a_number_or_a_guid_whatever_the_owner_id(string ownerId)
    {
        // The storage keeps a key that parses as a hex integer or a GUID as that number, without the string, so
        // "2180" and "02180" would share a row, and '+' would start a key extension.
        string[] keys =
        [
            GrainKeys.Owner(ownerId), GrainKeys.Municipality(ownerId, "2180"), GrainKeys.Company(ownerId, "0cafe"),
            GrainKeys.Insats(ownerId, "2016"), GrainKeys.Plan(ownerId, "2016", 2017), GrainKeys.EventLog(ownerId, "2016", new DateOnly(2017, 6, 1)),
            GrainKeys.MonthEventLog(ownerId, "2016", new DateOnly(2017, 6, 1)),
        ];

        foreach (var key in keys)
        {
            Assert.False(Uri.IsHexDigit(key[0]), $"'{key}' starts with a hex digit");
            Assert.DoesNotContain('+', key);
            Assert.False(long.TryParse(key, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _), key);
            Assert.False(Guid.TryParse(key, out _), key);
            Assert.Equal(ownerId, GrainKeys.Segments(key)[0]);
        }
    }

    [Fact]
    public void Every_serialized_type_and_grain_interface_has_an_alias()
    {
        // An [Alias] keeps stored data and calls between silos of different versions working when a type is renamed.
        var missing = ExchangeAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null
                || (t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && t.IsPublic))
            .Where(t => t.GetCustomAttribute<AliasAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();

        Assert.True(missing.Count == 0, $"Without [Alias]: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_record_the_grains_exchange_is_serializable_and_immutable()
    {
        var records = ExchangeAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsPublic && t.IsClass && t.GetMethod("<Clone>$") is not null) // records
            .ToList();

        Assert.NotEmpty(records);
        var notSerializable = records.Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is null).Select(t => t.FullName).ToList();
        var notImmutable = records.Where(t => t.GetCustomAttribute<ImmutableAttribute>() is null).Select(t => t.FullName).ToList();
        Assert.True(notSerializable.Count == 0, $"Records without [GenerateSerializer]: {string.Join(", ", notSerializable)}");
        Assert.True(notImmutable.Count == 0, $"Records without [Immutable]: {string.Join(", ", notImmutable)}");
    }

    [Fact]
    public void Grain_to_grain_interfaces_are_not_part_of_the_contracts()
    {
        // The contracts are what the host and plugins see; pushes, enlisting and subscriptions are the grains' own.
        var contractMethods = typeof(GrainKeys).Assembly.GetTypes().Where(t => t.IsInterface)
            .SelectMany(t => t.GetMethods()).Select(m => m.Name).ToHashSet();

        string[] infrastructure = ["ApplyObservations", "Enlist", "GetSubscribers", "GetSurveyObservations", "GetObservations", "GetQualityInputs", "RegisterPlan"];
        var leaked = infrastructure.Where(contractMethods.Contains).ToList();
        Assert.True(leaked.Count == 0, $"Grain-to-grain methods in the contracts: {string.Join(", ", leaked)}");
    }

    [Fact]
    public void Web_pages_and_endpoints_read_and_write_through_the_domain_reader_and_writer_only()
    {
        var host = Assembly.Load("AsfPlatform.Host");
        var offenders = host.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("AsfPlatform.Host.Pages", StringComparison.Ordinal)
                || ns.StartsWith("AsfPlatform.Host.Api", StringComparison.Ordinal)))
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters()).Select(p => (t, p.ParameterType))
                .Concat(t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(c => c.GetParameters()).Select(p => (t, p.ParameterType)))
                .Concat(t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => (t, f.FieldType))))
            .Where(x => typeof(IGrainFactory).IsAssignableFrom(x.Item2) || typeof(IAddressable).IsAssignableFrom(x.Item2))
            .Select(x => $"{x.t.FullName} uses {x.Item2.Name}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("; ", offenders));
    }

    private static IEnumerable<Type> GrainClasses() =>
        GrainsAssembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t));
}
