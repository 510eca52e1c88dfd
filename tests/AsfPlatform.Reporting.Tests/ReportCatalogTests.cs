using System.Runtime.Loader;

namespace AsfPlatform.Reporting.Tests;

public sealed class ReportCatalogTests
{
    [Fact]
    public void Drop_in_plugins_load_in_their_own_context_and_share_the_contract_types_with_the_host()
    {
        using var folder = new DropInFolder();
        var catalog = ReportCatalog.Create(folder.Options());

        var good = catalog.Get("test-bra");
        Assert.True(good.IsDropIn);
        var context = AssemblyLoadContext.GetLoadContext(good.Plugin.GetType().Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Contains("AsfPlatform.TestPlugins.Sample", context.Name);
        // The plugin implements the host's own IReportPlugin: the contract assembly was shared, not loaded twice.
        Assert.Same(typeof(IReportPlugin).Assembly, good.Plugin.GetType().GetInterfaces().Single().Assembly);
        Assert.Equal(["test-blockerar", "test-bra", "test-fel", "test-seg"], catalog.Reports.Select(r => r.Id).Order());
    }

    [Fact]
    public void A_duplicate_id_is_refused_with_a_Swedish_message_and_the_first_plugin_is_kept()
    {
        using var folder = new DropInFolder();
        var catalog = ReportCatalog.Create(folder.Options());

        Assert.Equal("Fungerande testrapport", catalog.Get("test-bra").Title);
        var problem = Assert.Single(catalog.Problems, p => p.Source.EndsWith("AsfPlatform.TestPlugins.Twin.dll", StringComparison.Ordinal));
        Assert.Contains("id:t \"test-bra\" finns redan i \"AsfPlatform.TestPlugins.Sample.dll\"", problem.Message);
    }

    [Fact]
    public void A_plugin_whose_constructor_throws_is_reported_and_the_others_load()
    {
        using var folder = new DropInFolder();
        var catalog = ReportCatalog.Create(folder.Options());

        Assert.Contains(catalog.Problems, p => p.Message.Contains("BrokenConstructorReport kunde inte skapas: Konfiguration saknas"));
        Assert.False(catalog.TryGet("test-trasig", out _));
        Assert.True(catalog.TryGet("test-bra", out _));
    }

    [Fact]
    public void A_corrupt_dll_in_the_drop_in_folder_is_reported_and_the_other_plugins_still_load()
    {
        using var folder = new DropInFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "Trasig.Plugin.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03]);
        var catalog = ReportCatalog.Create(folder.Options());

        var problem = Assert.Single(catalog.Problems, p => p.Source.EndsWith("Trasig.Plugin.dll", StringComparison.Ordinal));
        Assert.Contains("\"Trasig.Plugin.dll\" är ingen giltig .NET-assembly", problem.Message);
        Assert.True(catalog.TryGet("test-bra", out _));
        Assert.True(catalog.TryGet("test-fel", out _));
    }

    [Fact]
    public void A_missing_drop_in_folder_is_a_reported_problem_not_a_crash()
    {
        var catalog = ReportCatalog.Create(new ReportingOptions { PluginDirectory = "/finns/inte/plugins", ScanApplicationDirectory = false });
        Assert.Empty(catalog.Reports);
        Assert.Contains("Pluginmappen \"/finns/inte/plugins\" finns inte", Assert.Single(catalog.Problems).Message);
    }

    [Fact]
    public void Built_in_assemblies_load_first_in_the_default_context()
    {
        using var folder = new DropInFolder();
        var options = folder.Options();
        options.BuiltInAssemblies.Add(typeof(MunicipalityYearReport).Assembly);
        var catalog = ReportCatalog.Create(options);

        var builtIn = catalog.Reports[0];
        Assert.Equal("kommun-test", builtIn.Id);
        Assert.False(builtIn.IsDropIn);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(builtIn.Plugin.GetType().Assembly));
    }

    [Fact]
    public void Plugin_assemblies_named_AsfPlatform_Plugins_next_to_the_application_are_found()
    {
        using var folder = new DropInFolder();
        var app = Directory.CreateTempSubdirectory("asf-app-");
        try
        {
            File.Copy(Path.Combine(folder.Path, "AsfPlatform.TestPlugins.Sample.dll"), Path.Combine(app.FullName, "AsfPlatform.Plugins.Sample.dll"));
            File.Copy(Path.Combine(folder.Path, "AsfPlatform.TestPlugins.Twin.dll"), Path.Combine(app.FullName, "NotAPlugin.dll"));
            var catalog = ReportCatalog.Create(new ReportingOptions { ApplicationDirectory = app.FullName });

            Assert.Equal(["test-blockerar", "test-bra", "test-fel", "test-seg"], catalog.Reports.Select(r => r.Id).Order());
            Assert.All(catalog.Reports, r => Assert.False(r.IsDropIn));
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }
}
