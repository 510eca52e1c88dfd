using System.Reflection;

namespace AsfPlatform.ArchitectureTests;

/// <summary>
/// Keeps the modular monolith honest: modules talk through their public contracts only. Each rule lists what a
/// module may reference among our own assemblies (and which outside libraries it must not touch); the compiled
/// assemblies are the evidence, so a stray project or package reference fails here.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Domain = "AsfPlatform.Domain";
    private const string Contracts = "AsfPlatform.Contracts";
    private const string Abstractions = "AsfPlatform.Reporting.Abstractions";

    /// <summary>Outside libraries that do I/O: the pure modules must not reference any of them.</summary>
    private static readonly string[] IoLibraries =
        ["Microsoft.Data.Sqlite", "Npgsql", "Dapper", "System.Net.Http", "System.Data.Common", "DocumentFormat.OpenXml",
         "Microsoft.AspNetCore", "System.Net.Sockets"];

    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        // The domain is pure logic: no module, no I/O.
        { Domain, [] },
        // The ADO.NET schema Orleans needs knows nothing of the platform's modules.
        { "AsfPlatform.Storage", [] },
        // The modules' public face: grain interfaces and records over the domain's types.
        { Contracts, [Domain] },
        { "AsfPlatform.Grains", [Domain, Contracts] },
        { "AsfPlatform.Dataset", [Domain, Contracts] },
        // Backup reads and writes an owner through the grain contracts, and its audit entries through the access module.
        { "AsfPlatform.Backup", [Domain, Contracts, "AsfPlatform.Access"] },
        // Spreadsheets write and read workbooks of domain values; the host decides what goes in them.
        { "AsfPlatform.Spreadsheets", [Domain] },
        { Abstractions, [Domain, Contracts] },
        { "AsfPlatform.Reporting.Word", [Domain, Contracts, Abstractions] },
        { "AsfPlatform.Reporting", [Domain, Contracts, Abstractions, "AsfPlatform.Reporting.Word"] },
        // Plugins see the plugin contract (and the contracts it exposes) and nothing of the host.
        { "AsfPlatform.Plugins.Handlingsplan", [Domain, Contracts, Abstractions] },
        { "AsfPlatform.Plugins.Lagesrapport", [Domain, Contracts, Abstractions] },
        { "AsfPlatform.Plugins.Slutrapport", [Domain, Contracts, Abstractions] },
        { "AsfPlatform.Plugins.Kommunrapport", [Domain, Contracts, Abstractions] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void A_module_references_only_the_modules_it_is_allowed_to(string module, string[] allowed)
    {
        var actual = OwnReferencesOf(module);

        var forbidden = actual.Except(allowed).ToList();
        Assert.True(forbidden.Count == 0, $"{module} references {string.Join(", ", forbidden)}; allowed: [{string.Join(", ", allowed)}]");
    }

    [Theory]
    [InlineData(Domain)]
    [InlineData(Contracts)]
    [InlineData(Abstractions)]
    [InlineData("AsfPlatform.Grains")]
    public void A_pure_module_references_no_library_that_does_io(string module)
    {
        var io = Load(module).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => IoLibraries.Any(lib => name.StartsWith(lib, StringComparison.Ordinal)))
            .ToList();

        Assert.True(io.Count == 0, $"{module} references {string.Join(", ", io)}");
    }

    [Fact]
    public void Only_the_composition_root_and_tests_reference_the_grain_implementations()
    {
        var referencing = OurAssemblies()
            .Where(a => a.GetReferencedAssemblies().Any(r => r.Name == "AsfPlatform.Grains"))
            .Select(a => a.GetName().Name!)
            .ToList();

        Assert.Equal(["AsfPlatform.Composition"], referencing);
    }

    [Fact]
    public void Every_module_and_plugin_is_covered_by_a_rule_or_is_a_composition_root()
    {
        var ruled = AllowedReferences.Select(row => (string)row[0]).ToHashSet();
        string[] roots = ["AsfPlatform.Composition", "AsfPlatform.Host", "asf", "AsfPlatform.Access"];

        var unruled = OurAssemblies().Select(a => a.GetName().Name!).Where(n => !ruled.Contains(n) && !roots.Contains(n)).ToList();

        Assert.True(unruled.Count == 0, $"No boundary rule for {string.Join(", ", unruled)}: add one to {nameof(AllowedReferences)}.");
    }

    [Fact]
    public void The_access_module_stands_apart_from_grains_reports_and_the_web_host()
    {
        var references = OwnReferencesOf("AsfPlatform.Access");

        Assert.DoesNotContain(references, r => r is "AsfPlatform.Grains" or "AsfPlatform.Reporting" or "AsfPlatform.Host");
    }

    private static IReadOnlyList<string> OwnReferencesOf(string module) =>
        Load(module).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(IsOurs)
            .ToList();

    private static bool IsOurs(string name) => name.StartsWith("AsfPlatform.", StringComparison.Ordinal) || name == "asf";

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    /// <summary>Our assemblies as deployed beside the tests (every src and plugin project is referenced).</summary>
    private static IEnumerable<Assembly> OurAssemblies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => IsOurs(name) && !name.EndsWith(".Tests", StringComparison.Ordinal) && name != "AsfPlatform.ArchitectureTests")
            .Select(Load);
}
