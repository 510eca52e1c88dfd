using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AsfPlatform.Contracts;

namespace AsfPlatform.LoadTests;

/// <summary>
/// Live update latency across hosts (<c>--live-latency N</c>): a dashboard's SSE stream is opened on one host, company
/// figures are written N times one after another through another host, and each write's time from sending it to the
/// indicator event arriving on the stream is recorded. With one host both ends use it.
/// </summary>
public static class LiveLatency
{
    public static async Task<string> RunAsync(HttpClient writeHost, HttpClient streamHost, string token, string companyId, int writes)
    {
        var topic = "plan/" + GrainKeys.Plan("finsam-gavleborg", "asf-2016-2020", 2017);
        using var stream = new HttpRequestMessage(HttpMethod.Get, "/api/live/" + topic);
        stream.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await streamHost.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await NextEventAsync(reader, "ansluten", TimeSpan.FromSeconds(30));

        var latencies = new LatencyRecorder();
        string? etag = null;
        var resource = $"{Office.Owner}/companies/{companyId}";
        for (var i = 0; i < writes; i++)
        {
            if (etag is null)
            {
                using var read = new HttpRequestMessage(HttpMethod.Get, resource);
                read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var current = await writeHost.SendAsync(read);
                etag = current.Headers.ETag!.Tag;
            }
            using var write = new HttpRequestMessage(HttpMethod.Put, resource + "/figures?reason=Lasttest") // replaces the date's figures
            {
                Content = JsonContent.Create(new
                {
                    date = Office.FiguresDate.ToString("yyyy-MM-dd"), employedWomen = 2_000_000 + i, employedMen = 0,
                    participantsAf = 0, participantsMunicipality = 0, participantsOther = 0,
                }),
            };
            write.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            write.Headers.TryAddWithoutValidation("If-Match", etag);
            var sent = Stopwatch.GetTimestamp();
            var arrived = NextEventAsync(reader, "indikatorer", TimeSpan.FromSeconds(30));
            using var written = await writeHost.SendAsync(write);
            if (written.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"write {i}: {(int)written.StatusCode} {await written.Content.ReadAsStringAsync()}");
            etag = written.Headers.ETag!.Tag;
            await arrived;
            latencies.Add(Stopwatch.GetElapsedTime(sent));
        }
        var (p50, p99, max) = LatencyRecorder.Percentiles([latencies]);
        return $"Live update latency, {writes} writes through {writeHost.BaseAddress} → SSE on {streamHost.BaseAddress}: " +
            $"p50 {p50:0.0} ms, p99 {p99:0.0} ms, max {max:0.0} ms";
    }

    // Reads the stream up to the next event of the given name ("event: name" line), skipping keep-alives.
    private static async Task NextEventAsync(StreamReader reader, string name, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line == $"event: {name}")
                return;
        }
        throw new InvalidOperationException("The live stream ended.");
    }
}
