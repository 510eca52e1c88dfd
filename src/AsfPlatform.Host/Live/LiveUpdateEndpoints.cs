using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AsfPlatform.Access.Authentication;

namespace AsfPlatform.Host.Live;

/// <summary>The Server-Sent Events endpoint dashboards listen on.</summary>
internal static class LiveUpdateEndpoints
{
    /// <summary>How often an idle stream sends a keep-alive event, so proxies keep it open.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdateHub>();
        services.AddSingleton<ILiveUpdatePublisher>(sp => sp.GetRequiredService<LiveUpdateHub>());
        services.AddSingleton<PlanLiveBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<PlanLiveBridge>()); // renews watched plans' subscriptions
        return services;
    }

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder endpoints)
    {
        // GET /api/live/insats/x/2017 streams that topic; GET /api/live streams everything.
        endpoints.MapGet("/api/live/{**topic}", async (string? topic, LiveUpdateHub hub, PlanLiveBridge plans,
                CancellationToken cancellationToken) =>
            {
                topic = string.IsNullOrWhiteSpace(topic) ? LiveUpdateHub.AllTopics : topic;
                await plans.EnsureSubscribedAsync(topic);
                return TypedResults.ServerSentEvents(StreamAsync(hub, topic, cancellationToken));
            })
            .RequireAuthorization(AccessPolicies.Read)
            .WithName("LiveUpdates")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async IAsyncEnumerable<SseItem<object>> StreamAsync(LiveUpdateHub hub, string topic,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(topic);
        // The first event tells the client the subscription exists, so nothing published after it is missed.
        yield return new SseItem<object>(new { topic }, "ansluten");
        var reader = subscription.Reader;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            keepAlive.CancelAfter(KeepAlive);
            bool available;
            try
            {
                available = await reader.WaitToReadAsync(keepAlive.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                available = true;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (!available)
                yield break;
            var any = false;
            while (reader.TryRead(out var update))
            {
                any = true;
                yield return new SseItem<object>(update.Data, update.EventName);
            }
            if (!any)
                yield return new SseItem<object>(new { }, "ping");
        }
    }
}
