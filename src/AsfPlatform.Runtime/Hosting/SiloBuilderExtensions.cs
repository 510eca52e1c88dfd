using System.Reflection;
using AsfPlatform.Runtime.Core;
using AsfPlatform.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Runtime.Hosting;

/// <summary>Registers grains, storage and options on a <see cref="ISiloBuilder"/>.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Registers every non-abstract <see cref="Grain"/> subclass in the assemblies.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder builder, params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(LoadableTypes))
        {
            if (type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && type.IsSubclassOf(typeof(Grain)))
            {
                builder.Services.AddSingleton(new GrainClassRegistration(type));
            }
        }

        return builder;
    }

    /// <summary>Registers one grain class.</summary>
    public static ISiloBuilder AddGrain<TGrain>(this ISiloBuilder builder) where TGrain : Grain
    {
        builder.Services.AddSingleton(new GrainClassRegistration(typeof(TGrain)));
        return builder;
    }

    /// <summary>Registers an in-memory grain storage under <paramref name="name"/>.</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = ProviderConstants.DefaultStorageProviderName) =>
        builder.AddGrainStorage(name, _ => new MemoryGrainStorage());

    /// <summary>Registers the default in-memory grain storage (Orleans' <c>AddMemoryGrainStorageAsDefault</c>).</summary>
    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) => builder.AddMemoryGrainStorage();

    /// <summary>Registers a grain storage provider under <paramref name="name"/>, as a keyed singleton
    /// <see cref="IGrainStorage"/>. A later registration of the same name wins.</summary>
    public static ISiloBuilder AddGrainStorage(this ISiloBuilder builder, string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => factory(services));
        return builder;
    }

    /// <summary>Changes the runtime's options.</summary>
    public static ISiloBuilder Configure(this ISiloBuilder builder, Action<GrainRuntimeOptions> configure)
    {
        builder.Services.Configure(configure);
        return builder;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
