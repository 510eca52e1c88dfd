using System.Net;
using AsfPlatform.Access;
using AsfPlatform.Host.Live;

namespace AsfPlatform.Host.Tests;

public sealed class LiveUpdateTests(AsfHostFactory factory) : IClassFixture<AsfHostFactory>
{
    [Fact]
    public async Task A_published_update_reaches_a_subscriber_of_its_topic_as_a_server_sent_event()
    {
        await factory.CreateUserAsync("instrumentpanel", AccessRole.Läsare);
        var client = await factory.TokenClientAsync("instrumentpanel");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/live/insats/asf-gavleborg/2017");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var connected = await ServerSentEventReader.ReadEventAsync(reader, timeout.Token);
        Assert.Equal("ansluten", connected.Name);

        var hub = factory.Services.GetRequiredService<ILiveUpdatePublisher>();
        hub.Publish(new LiveUpdate("insats/annan/2017", "indikator", new { id = "fel-ämne" }));
        hub.Publish(new LiveUpdate("insats/asf-gavleborg/2017", "indikator", new { id = "aktiva-asf", utfall = 27 }));

        var update = await ServerSentEventReader.ReadEventAsync(reader, timeout.Token);
        Assert.Equal("indikator", update.Name);
        Assert.Equal("{\"id\":\"aktiva-asf\",\"utfall\":27}", update.Data);
    }

    [Fact]
    public async Task The_live_stream_needs_a_signed_in_user()
    {
        var response = await factory.CreateClient().GetAsync("/api/live/insats/x/2017");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_closed_subscription_stops_receiving_and_a_full_one_never_blocks_the_publisher()
    {
        var hub = new LiveUpdateHub();
        var slow = hub.Subscribe("t");
        var closed = hub.Subscribe("t");
        closed.Dispose();

        for (var i = 0; i < 10_000; i++)
            hub.Publish(new LiveUpdate("t", "e", i));

        Assert.Equal(1, hub.SubscriberCount);
        Assert.True(slow.Reader.TryRead(out var oldestKept));
        Assert.True((int)oldestKept!.Data > 0); // the oldest were dropped, the publisher went on
        slow.Dispose();
    }
}
