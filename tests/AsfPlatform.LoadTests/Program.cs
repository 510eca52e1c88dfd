using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.LoadTests;
using Orleans;
using Microsoft.Extensions.DependencyInjection;

// asf load tool: dotnet run -c Release --project tests/AsfPlatform.LoadTests -- --storage sqlite --offices 64 --seconds 60 [--event-percent 10] [--probe]
// With --storage postgres --hosts 2 the load runs against two host processes of one cluster (set-up and the
// verification after the restart use the host in this process). With --kill-rounds N the host processes are killed
// (kill -9) under the load N times and the audit log is checked against the stored state afterwards.
var options = LoadOptions.Parse(args);
await using var host = await LoadHost.CreateAsync(options.Storage);
await host.StartAsync();
Console.WriteLine($"Host {host.BaseUrl} on {host.Description}; {options.Hosts} host(s) under load; {options.Offices} offices, {options.EventPercent} % events, {options.Seconds} s (+{options.WarmupSeconds} s warm-up); {Environment.ProcessorCount} cores");

var grains = host.Services.GetRequiredService<IGrainFactory>();
var accounts = host.Services.GetRequiredService<IUserAccountService>();
var tokens = host.Services.GetRequiredService<IApiTokenService>();
if (!await accounts.AdminExistsAsync())
    await accounts.CreateFirstAdminAsync("admin", "Last Admin", "Korrekt-Hast-Batteri-1");

// One partner office per simulated office, each with its own company in its municipality.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(host.BaseUrl),
    Timeout = TimeSpan.FromSeconds(30),
};
var setup = new List<(int Number, string Kommunkod, string CompanyId, string Token)>();
for (var i = 0; i < options.Offices; i++)
{
    var municipality = Kommunkod.Gavleborg[i % Kommunkod.Gavleborg.Count];
    var companyId = $"load-{i}";
    await grains.GetGrain<ICompanyGrain>(GrainKeys.Company("finsam-gavleborg", companyId)).Register(new RegisterCompany(
        new Company(companyId, $"Lastföretag {i}", null, LegalForm.EkonomiskForening, municipality.Kommunkod, null,
            new DefinitionCriteria(true, true, true, true), new DateOnly(2016, 1, 1), null)));
    var userName = $"kontor-{i}";
    await accounts.CreateAsync(new NewUserAccount(userName, $"Kontor {i}", AccessRole.Partnerkontor,
        OrganisationRef.Municipality(municipality.Kommunkod), "Ett-Langt-Losenord-9"), "load");
    var issued = await tokens.IssueAsync(userName, "last", "load");
    setup.Add((i, municipality.Kommunkod, companyId, issued.Secret));
}

var adminToken = (await tokens.IssueAsync("admin", "last", "load")).Secret;
http.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
var indicatorsBefore = await ReadIndicatorsAsync(http);
var insatsBefore = await http.GetFromJsonAsync<JsonElement>(Office.Insats);
http.DefaultRequestHeaders.Authorization = null;

if (options.KillRounds > 0)
    return await KillRounds.RunAsync(host, options,
        setup.Select(o => new Office(o.Number, o.Kommunkod, o.CompanyId, o.Token, http, options.EventPercent)).ToList());

// Several hosts: the load goes to host processes of their own, one cluster on the one database; the offices are
// spread over them, so every write and every push crosses between silos as it would between servers.
var externals = new List<ExternalHost>();
var clients = new List<HttpClient> { http };
if (options.Hosts > 1)
{
    await host.StopAsync();
    clients.Clear();
    for (var h = 0; h < options.Hosts; h++)
    {
        var external = await host.StartExternalAsync();
        externals.Add(external);
        clients.Add(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(external.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        });
        Console.WriteLine($"Host process {h + 1}: {external.BaseUrl}");
    }
}
var offices = setup.Select(o => new Office(o.Number, o.Kommunkod, o.CompanyId, o.Token, clients[o.Number % clients.Count], options.EventPercent)).ToList();

var liveIndex = Array.IndexOf(args, "--live-latency");
if (liveIndex >= 0)
{
    // Bounded: at most 5,000 sequential writes.
    var writes = Math.Clamp(int.Parse(args[liveIndex + 1]), 1, 5_000);
    Console.WriteLine(await LiveLatency.RunAsync(clients[0], clients[^1], setup[0].Token, setup[0].CompanyId, writes));
}

if (args.Contains("--probe") && options.Hosts == 1)
{
    // Profiling aid: grain turn + storage commit alone, for comparison with the HTTP run below.
    Console.WriteLine(await DirectProbe.RunAsync(grains, offices.Select(o => o.CompanyId).ToList(), TimeSpan.FromSeconds(Math.Min(15, options.Seconds))));
}

// Warm-up (JIT, activations, connection pool), then the measured run.
if (options.WarmupSeconds > 0)
{
    using var warm = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmupSeconds));
    await Task.WhenAll(offices.Select(o => Task.Run(() => o.RunAsync(warm.Token))));
}
var ackBefore = offices.Sum(o => o.AcknowledgedEvents + o.AcknowledgedFigures);
var conflictsBefore = offices.Sum(o => o.Conflicts);
foreach (var office in offices)
    office.ResetLatencies();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
using (var run = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds)))
    await Task.WhenAll(offices.Select(o => Task.Run(() => o.RunAsync(run.Token))));
clock.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

var acknowledged = offices.Sum(o => o.AcknowledgedEvents + o.AcknowledgedFigures) - ackBefore;
var conflicts = offices.Sum(o => o.Conflicts) - conflictsBefore;
var requests = LatencyRecorder.Percentiles(offices.Select(o => o.Requests));
var acks = LatencyRecorder.Percentiles(offices.Select(o => o.Acknowledged));
var events = offices.Sum(o => o.AcknowledgedEvents);
var figures = offices.Sum(o => o.AcknowledgedFigures);

// Verify after a restart on the same database: what was acknowledged must be durable and counted exactly once.
foreach (var external in externals)
    await external.DisposeAsync();
await host.StopAsync();
await host.StartAsync();
using var verify = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
verify.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
var indicatorsAfter = await ReadIndicatorsAsync(verify);
var insatsAfter = await verify.GetFromJsonAsync<JsonElement>(Office.Insats);
var failures = new List<string>();
void Check(string what, decimal expected, decimal actual)
{
    if (expected != actual)
        failures.Add($"{what}: expected {expected}, found {actual}");
}
Check("insats eventCount", insatsBefore.GetProperty("eventCount").GetInt32() + events, insatsAfter.GetProperty("eventCount").GetInt32());
Check("indikator informationsinsatser", indicatorsBefore["informationsinsatser"] + events, indicatorsAfter["informationsinsatser"]);
foreach (var office in offices)
{
    var company = await verify.GetFromJsonAsync<JsonElement>($"{Office.Owner}/companies/{office.CompanyId}");
    var stored = company.GetProperty("figures").EnumerateArray()
        .Where(f => f.GetProperty("date").GetString() == Office.FiguresDate.ToString("yyyy-MM-dd"))
        .Select(f => f.GetProperty("employedWomen").GetInt32()).DefaultIfEmpty(-1).Single();
    Check($"{office.CompanyId} anställda", office.LastAcknowledgedEmployed, stored);
}
// The audit log against the state: each stored change of the load has exactly one entry, each entry a stored change.
var (auditFailures, auditSummary) = await AuditCheck.VerifyAsync(host.Services.GetRequiredService<IGrainFactory>(),
    host.Services.GetRequiredService<IAuditLog>(), offices);
failures.AddRange(auditFailures);
var employedExpected = indicatorsBefore["anstallda-asf"] + offices.Sum(o => (decimal)Math.Max(0, o.LastAcknowledgedEmployed));
// Informational only: once companies report figures for the date, the stock indicator reads them instead of the
// county survey's baseline, so it need not equal "before + load".
var employedNote = $"indicator {indicatorsAfter["anstallda-asf"]} (before {indicatorsBefore["anstallda-asf"]}), sum of the load companies' last acknowledged figures {employedExpected - indicatorsBefore["anstallda-asf"]}";

Console.WriteLine();
Console.WriteLine("| storage | offices | events % | seconds | acknowledged writes | writes/s | 412 retries | request p50 ms | request p99 ms | ack p50 ms | ack p99 ms | max ms | errors | lost | host CPU s |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
Console.WriteLine($"| {options.Storage}{(options.Hosts > 1 ? $" ×{options.Hosts} hosts" : "")} | {options.Offices} | {options.EventPercent} | {clock.Elapsed.TotalSeconds:0.0} | {acknowledged} | {acknowledged / clock.Elapsed.TotalSeconds:0} | {conflicts} | " +
    $"{requests.P50:0.0} | {requests.P99:0.0} | {acks.P50:0.0} | {acks.P99:0.0} | {Math.Max(requests.Max, acks.Max):0} | {offices.Sum(o => o.Errors)} | {failures.Count} | {cpu.TotalSeconds:0.0} |");
Console.WriteLine();
Console.WriteLine($"Offices without any acknowledged figures: {offices.Count(o => o.LastAcknowledgedEmployed < 0)}. Events acknowledged (incl. warm-up): {events}; company figures: {figures}. Employed indicator: {employedNote}.");
if (failures.Count > 0)
{
    Console.WriteLine("LOST OR WRONG:");
    failures.ForEach(f => Console.WriteLine("  " + f));
    return 1;
}
Console.WriteLine($"Verified after restart: every acknowledged write is stored and counted once (0 lost); audit: {auditSummary}, each change with one entry.");
return 0;

static async Task<Dictionary<string, decimal>> ReadIndicatorsAsync(HttpClient client)
{
    var list = await client.GetFromJsonAsync<JsonElement>(Office.Insats + "/plans/2017/indicators");
    return list.EnumerateArray().ToDictionary(i => i.GetProperty("indicatorId").GetString()!,
        i => i.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0m);
}
