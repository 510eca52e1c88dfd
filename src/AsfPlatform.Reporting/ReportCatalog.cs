using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsfPlatform.Reporting;

/// <summary>
/// The report plugins this host can run, found once by Scrutor assembly scanning of the built-in assemblies,
/// <c>AsfPlatform.Plugins.*.dll</c> next to the application and the drop-in folder. Anything that goes wrong
/// (a corrupt file, a constructor that throws, a duplicate id) becomes a <see cref="PluginLoadProblem"/>;
/// the remaining plugins still load.
/// </summary>
public sealed partial class ReportCatalog
{
    private readonly Dictionary<string, ReportDescriptor> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ReportDescriptor> _reports = [];
    private readonly List<PluginLoadProblem> _problems = [];
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    /// <summary>Loads the catalog as configured; <paramref name="services"/> supplies plugin constructor arguments.</summary>
    public ReportCatalog(IOptions<ReportingOptions> options, IServiceProvider services, ILogger<ReportCatalog>? logger = null)
    {
        _services = services;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Load(options.Value);
    }

    /// <summary>Loads a catalog without a container (tools and tests).</summary>
    public static ReportCatalog Create(ReportingOptions options) =>
        new(Options.Create(options), new ServiceCollection().BuildServiceProvider());

    /// <summary>The loaded reports, in load order (built-in first), ids unique.</summary>
    public IReadOnlyList<ReportDescriptor> Reports => _reports;

    /// <summary>What could not be loaded, and why (Swedish).</summary>
    public IReadOnlyList<PluginLoadProblem> Problems => _problems;

    /// <summary>Finds a report by id (case-insensitive).</summary>
    public bool TryGet(string id, out ReportDescriptor report) => _byId.TryGetValue(id, out report!);

    /// <summary>Finds a report by id or throws <see cref="ReportNotFoundException"/>.</summary>
    public ReportDescriptor Get(string id) =>
        TryGet(id, out var report) ? report : throw new ReportNotFoundException(id, _reports.Select(r => r.Id));

    private void Load(ReportingOptions options)
    {
        foreach (var assembly in options.BuiltInAssemblies.Distinct())
            AddFrom(assembly, assembly.GetName().Name ?? assembly.FullName ?? "?", isDropIn: false);

        if (options.ScanApplicationDirectory && Directory.Exists(options.ApplicationDirectory))
        {
            var already = options.BuiltInAssemblies.Select(a => a.GetName().Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.GetFiles(options.ApplicationDirectory, "AsfPlatform.Plugins.*.dll").Order(StringComparer.Ordinal))
            {
                if (already.Contains(Path.GetFileNameWithoutExtension(file)))
                    continue;
                if (TryLoad(file, () => System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(file)) is { } assembly)
                    AddFrom(assembly, file, isDropIn: false);
            }
        }

        if (options.PluginDirectory is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                Report(folder, $"Pluginmappen \"{folder}\" finns inte; inga tilläggsrapporter laddades.");
                return;
            }
            foreach (var file in DropInFiles(folder))
                if (TryLoad(file, () => new PluginLoadContext(file).LoadFromAssemblyPath(file)) is { } assembly)
                    AddFrom(assembly, file, isDropIn: true);
        }
    }

    /// <summary>Top-level *.dll files, and for each subfolder X the file X/X.dll (a plugin with its own dependencies).</summary>
    private static IEnumerable<string> DropInFiles(string folder) =>
        Directory.GetFiles(folder, "*.dll")
            .Concat(Directory.GetDirectories(folder)
                .Select(dir => Path.Combine(dir, Path.GetFileName(dir) + ".dll"))
                .Where(File.Exists))
            .Order(StringComparer.Ordinal);

    private Assembly? TryLoad(string file, Func<Assembly> load)
    {
        try
        {
            return load();
        }
        catch (BadImageFormatException ex)
        {
            Report(file, $"Filen \"{Path.GetFileName(file)}\" är ingen giltig .NET-assembly och hoppades över ({ex.Message}).");
        }
        catch (Exception ex)
        {
            Report(file, $"Filen \"{Path.GetFileName(file)}\" kunde inte laddas: {ex.Message}");
        }
        return null;
    }

    private void AddFrom(Assembly assembly, string source, bool isDropIn)
    {
        List<Type> types;
        try
        {
            var scanned = new ServiceCollection();
            scanned.Scan(scan => scan
                .FromAssemblies(assembly)
                .AddClasses(classes => classes.AssignableTo<IReportPlugin>(), publicOnly: true)
                .As<IReportPlugin>()
                .WithSingletonLifetime());
            types = scanned.Select(d => d.ImplementationType).OfType<Type>().Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex)
        {
            var detail = ex is ReflectionTypeLoadException rtl ? rtl.LoaderExceptions.FirstOrDefault()?.Message ?? ex.Message : ex.Message;
            Report(source, $"Rapporterna i \"{Path.GetFileName(source)}\" kunde inte läsas: {detail}");
            return;
        }

        if (types.Count == 0 && isDropIn)
            Report(source, $"Filen \"{Path.GetFileName(source)}\" innehåller ingen rapport (ingen publik klass som implementerar IReportPlugin).");

        foreach (var type in types)
            AddPlugin(type, source, isDropIn);
    }

    private void AddPlugin(Type type, string source, bool isDropIn)
    {
        IReportPlugin plugin;
        string id;
        try
        {
            plugin = (IReportPlugin)ActivatorUtilities.CreateInstance(_services, type);
            id = plugin.Id;
            _ = plugin.Title;
            _ = plugin.Parameters;
        }
        catch (Exception ex)
        {
            var inner = ex is TargetInvocationException { InnerException: { } cause } ? cause : ex;
            Report(source, $"Rapporten {type.FullName} kunde inte skapas: {inner.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id))
        {
            Report(source, $"Rapporten {type.FullName} har ett ogiltigt id \"{id}\": använd små bokstäver (a–z, å, ä, ö), siffror och bindestreck.");
            return;
        }
        if (_byId.TryGetValue(id, out var first))
        {
            Report(source, $"Rapporten \"{id}\" ({type.FullName}) i \"{Path.GetFileName(source)}\" används inte: id:t \"{id}\" finns redan i \"{Path.GetFileName(first.Source)}\". Ge rapporten ett eget id.");
            return;
        }

        var descriptor = new ReportDescriptor(plugin, source, isDropIn);
        _byId.Add(id, descriptor);
        _reports.Add(descriptor);
        _logger.LogInformation("Report plugin {ReportId} loaded from {Source}", id, source);
    }

    private void Report(string source, string message)
    {
        _problems.Add(new PluginLoadProblem(source, message));
        _logger.LogWarning("Report plugin problem in {Source}: {Message}", source, message);
    }

    [GeneratedRegex("^[a-zåäö0-9][a-zåäö0-9-]*$")]
    private static partial Regex IdPattern();
}
