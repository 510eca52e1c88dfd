using System.Reflection;
using System.Runtime.Loader;

namespace AsfPlatform.Reporting;

/// <summary>
/// One load context per drop-in plugin, so plugins can carry their own dependencies without clashing. The
/// contract assemblies are deliberately NOT loaded here: returning null defers them to the default context, so
/// a plugin's IReportPlugin, IDocumentBuilder and snapshot records are the host's own types.
/// </summary>
internal sealed class PluginLoadContext(string pluginPath)
    : AssemblyLoadContext($"Rapportplugin {Path.GetFileNameWithoutExtension(pluginPath)}", isCollectible: false)
{
    /// <summary>Assemblies whose types cross the host/plugin boundary and so must exist exactly once.</summary>
    internal static readonly IReadOnlySet<string> SharedAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        typeof(IReportPlugin).Assembly.GetName().Name!,
        "AsfPlatform.Contracts",
        "AsfPlatform.Domain",
        // The contracts carry Orleans' serialization attributes and grain interfaces.
        "Orleans.Core",
        "Orleans.Core.Abstractions",
        "Orleans.Serialization",
        "Orleans.Serialization.Abstractions",
        "DocumentFormat.OpenXml",
        // Open XML SDK 3 keeps its base types (OpenXmlElement, OpenXmlPackage) in this assembly.
        "DocumentFormat.OpenXml.Framework",
        "System.IO.Packaging",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Primitives",
    };

    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && SharedAssemblies.Contains(name))
            return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
