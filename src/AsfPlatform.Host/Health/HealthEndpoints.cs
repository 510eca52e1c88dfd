using AsfPlatform.Access;
using AsfPlatform.Host.Configuration;
using AsfPlatform.Contracts;
using Orleans;

namespace AsfPlatform.Host.Health;

/// <summary>The body of GET /healthz.</summary>
/// <param name="Status">"ok" or "unavailable".</param>
/// <param name="Runtime">"up" or "down".</param>
/// <param name="Storage">"reachable" or "unreachable".</param>
/// <param name="Provider">"Sqlite" or "PostgreSql".</param>
public sealed record HealthReport(string Status, string Runtime, string Storage, string Provider);

/// <summary>Liveness and readiness in one small JSON answer for load balancers and the operator.</summary>
internal static class HealthEndpoints
{
    public static IServiceCollection AddAsfHealth(this IServiceCollection services)
    {
        services.AddSingleton<IRuntimeHealth, GrainRuntimeHealth>();
        return services;
    }

    public static IEndpointRouteBuilder MapAsfHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IAccessStorageHealth storage, IRuntimeHealth runtime, AsfPlatform.Composition.AsfStorage settings,
            ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var storageUp = false;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                storageUp = await storage.PingAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                loggers.CreateLogger("AsfPlatform.Host.Health").LogWarning(exception, "Storage health check failed");
            }
            var runtimeUp = await runtime.IsUpAsync(cancellationToken);
            var report = new HealthReport(storageUp && runtimeUp ? "ok" : "unavailable", runtimeUp ? "up" : "down",
                storageUp ? "reachable" : "unreachable", settings.Provider);
            return Results.Json(report, statusCode: storageUp && runtimeUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithName("Health");
        return endpoints;
    }
}

/// <summary>Whether the Orleans silo can take calls.</summary>
internal interface IRuntimeHealth
{
    ValueTask<bool> IsUpAsync(CancellationToken cancellationToken);
}

/// <summary>The runtime is up when the host has started and a grain answers within a few seconds.</summary>
internal sealed class GrainRuntimeHealth(IHostApplicationLifetime lifetime, IGrainFactory grains) : IRuntimeHealth
{
    public async ValueTask<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
            return false;
        try
        {
            await grains.GetGrain<IHealthProbeGrain>("healthz").PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }
}
