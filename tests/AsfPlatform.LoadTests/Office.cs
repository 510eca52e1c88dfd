using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace AsfPlatform.LoadTests;

/// <summary>
/// One simulated partner office: alternately records a new information event for the insats (a create, with
/// If-None-Match: *) and its company's figures (with If-Match; on 412 it re-reads the company and tries again). It remembers what was acknowledged, so the
/// end state can be checked against it. A request that gets no answer (its host was killed) is not acknowledged.
/// </summary>
public sealed class Office(int number, string kommunkod, string companyId, string token, HttpClient http, int eventPercent)
{
    /// <summary>The host this office writes to (kill rounds point it at each round's host).</summary>
    public HttpClient Http { get; set; } = http;

    /// <summary>The ids of the events whose create was acknowledged.</summary>
    public List<string> AcknowledgedEventIds { get; } = [];

    /// <summary>Requests that got no answer at all (the host went away under them).</summary>
    public int Unanswered { get; private set; }

    public const string Owner = "/api/owners/finsam-gavleborg";
    public const string Insats = Owner + "/insatser/asf-2016-2020";
    public static readonly DateOnly FiguresDate = new(2017, 11, 30);

    /// <summary>Events happen on different days: spread over 2017 (a step coprime to 365 visits every day).</summary>
    private DateOnly EventDate(int sequence) => new DateOnly(2017, 1, 1).AddDays((number * 53 + sequence * 97) % 365);

    private string? _companyETag;
    private int sequence;

    public string CompanyId => companyId;
    public int AcknowledgedEvents { get; private set; }
    public int AcknowledgedFigures { get; private set; }
    public int LastAcknowledgedEmployed { get; private set; } = -1;
    public int Conflicts { get; private set; }
    public int Errors { get; private set; }
    public LatencyRecorder Requests { get; private set; } = new();
    public LatencyRecorder Acknowledged { get; private set; } = new();

    /// <summary>Forgets the warm-up's latencies.</summary>
    public void ResetLatencies() => (Requests, Acknowledged) = (new LatencyRecorder(), new LatencyRecorder());

    /// <summary>Writes until <paramref name="stop"/> is cancelled (a write in flight then is finished).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            sequence++;
            if (sequence % 100 < eventPercent)
            {
                // A new event is a create (If-None-Match: *): it does not race the other offices for the insats' version.
                var eventId = $"k{kommunkod}-load-{number}-{sequence}";
                if (await WriteUntilAcknowledgedAsync(Insats, null, _ => { }, HttpMethod.Post, Insats + "/events",
                        new
                        {
                            id = eventId, date = EventDate(sequence).ToString("yyyy-MM-dd"), type = "Seminarium",
                            title = $"Lasttest {number}/{sequence}", kommunkod, organisers = Array.Empty<string>(),
                            audience = new { employees = 1 },
                        }, stop))
                {
                    AcknowledgedEvents++;
                    AcknowledgedEventIds.Add(eventId);
                }
            }
            else
            {
                var employed = sequence; // grows, so every write is a change
                if (await WriteUntilAcknowledgedAsync($"{Owner}/companies/{companyId}", () => _companyETag, e => _companyETag = e,
                        HttpMethod.Put, $"{Owner}/companies/{companyId}/figures?reason=Lasttest",
                        new
                        {
                            date = FiguresDate.ToString("yyyy-MM-dd"), employedWomen = employed, employedMen = 0,
                            participantsAf = 0, participantsMunicipality = 0, participantsOther = 0,
                        }, stop))
                {
                    AcknowledgedFigures++;
                    LastAcknowledgedEmployed = employed;
                }
            }
        }
    }

    /// <param name="etag">The resource's ETag to send as If-Match; null sends a create (If-None-Match: *) instead.</param>
    private async Task<bool> WriteUntilAcknowledgedAsync(string resource, Func<string?>? etag, Action<string> setETag, HttpMethod method,
        string path, object body, CancellationToken stop)
    {
        try
        {
            return await TryWriteAsync(resource, etag, setETag, method, path, body, stop);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            // The host died with the request in flight: whatever it did, the office was not told, so nothing is assumed.
            Unanswered++;
            setETag(null!);
            await Task.Delay(50, CancellationToken.None);
            return false;
        }
    }

    private async Task<bool> TryWriteAsync(string resource, Func<string?>? etag, Action<string> setETag, HttpMethod method,
        string path, object body, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            if (etag is not null && etag() is null)
            {
                using var read = new HttpRequestMessage(HttpMethod.Get, resource);
                read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var current = await Http.SendAsync(read, CancellationToken.None);
                if (!current.IsSuccessStatusCode) { Errors++; return false; }
                setETag(current.Headers.ETag!.Tag);
            }
            // A write in flight when the run ends is still finished, so "acknowledged" is never a guess.
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (etag is null)
                request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            else
                request.Headers.TryAddWithoutValidation("If-Match", etag());
            var sent = Stopwatch.GetTimestamp();
            using var response = await Http.SendAsync(request, CancellationToken.None);
            Requests.Add(Stopwatch.GetElapsedTime(sent));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                setETag(response.Headers.ETag!.Tag);
                Acknowledged.Add(Stopwatch.GetElapsedTime(started));
                return true;
            }
            if (response.StatusCode != HttpStatusCode.PreconditionFailed || etag is null)
            {
                Errors++;
                Console.Error.WriteLine($"office {number}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                return false;
            }
            Conflicts++;
            setETag(null!); // re-read before the next attempt
            if (stop.IsCancellationRequested)
                return false;
        }
        return false;
    }
}
