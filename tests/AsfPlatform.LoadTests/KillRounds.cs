using System.Diagnostics;
using AsfPlatform.Access;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AsfPlatform.LoadTests;

/// <summary>
/// <c>--kill-rounds N</c>: host processes are killed with SIGKILL (<c>kill -9</c>) while the offices write to them,
/// N times. Each round starts <c>--hosts</c> host processes on the one database, lets the offices write for
/// <c>--seconds</c>, kills one host under the load, then stops the others. Afterwards a host in this process checks
/// the audit log against the stored state (<see cref="AuditCheck"/>). On PostgreSQL a round keeps the surviving
/// hosts until the cluster has declared the killed one dead, so the next round's hosts can join.
/// </summary>
public static class KillRounds
{
    public static async Task<int> RunAsync(LoadHost host, LoadOptions options, IReadOnlyList<Office> offices)
    {
        await host.StopAsync(); // SQLite has one host at a time; on PostgreSQL the verification host starts last
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= options.KillRounds; round++)
        {
            var externals = new List<ExternalHost>();
            for (var h = 0; h < options.Hosts; h++)
                externals.Add(await host.StartExternalAsync());
            var clients = externals.Select(e => new HttpClient { BaseAddress = new Uri(e.BaseUrl), Timeout = TimeSpan.FromSeconds(30) }).ToList();
            for (var i = 0; i < offices.Count; i++)
                offices[i].Http = clients[i % clients.Count];
            var acknowledgedBefore = Acknowledged(offices);

            using var stop = new CancellationTokenSource();
            var load = Task.WhenAll(offices.Select(o => Task.Run(() => o.RunAsync(stop.Token))));
            await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
            var victim = externals[round % externals.Count];
            var acknowledgedAtKill = Acknowledged(offices);
            await victim.KillAsync();
            if (host.IsPostgres && externals.Count > 1)
                await WaitUntilDeclaredDeadAsync(host.ConnectionString, externals.Count - 1);
            else
                await Task.Delay(500); // the offices of the dead host see it fail
            stop.Cancel();
            await load;
            foreach (var external in externals.Where(e => e != victim))
                await external.DisposeAsync();
            await victim.DisposeAsync();
            clients.ForEach(c => c.Dispose());
            Console.WriteLine($"Round {round}: {acknowledgedAtKill - acknowledgedBefore} writes acknowledged, then host {victim.BaseUrl} killed (kill -9) under load; " +
                $"{offices.Sum(o => o.Unanswered)} requests unanswered so far");
        }

        await host.StartAsync();
        var (failures, summary) = await AuditCheck.VerifyAsync(host.Services.GetRequiredService<IGrainFactory>(),
            host.Services.GetRequiredService<IAuditLog>(), offices);
        Console.WriteLine();
        Console.WriteLine($"| storage | hosts | kill rounds | seconds per round | acknowledged writes | unanswered | stored changes vs audit entries | mismatches | total s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {options.Storage} | {options.Hosts} | {options.KillRounds} | {options.Seconds} | {Acknowledged(offices)} | {offices.Sum(o => o.Unanswered)} | {summary} | {failures.Count} | {clock.Elapsed.TotalSeconds:0} |");
        if (failures.Count > 0)
        {
            Console.WriteLine("AUDIT AND STATE DISAGREE:");
            failures.Take(50).ToList().ForEach(f => Console.WriteLine("  " + f));
            return 1;
        }
        Console.WriteLine("Verified after the kills: every stored change has exactly one audit entry, every audit entry a stored change, every acknowledged write is stored.");
        return 0;
    }

    private static int Acknowledged(IEnumerable<Office> offices) => offices.Sum(o => o.AcknowledgedEvents + o.AcknowledgedFigures);

    // Orleans' SiloStatus.Active; the surviving hosts vote the killed one dead after missed probes.
    private static async Task WaitUntilDeclaredDeadAsync(string connectionString, int survivors)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3", connection);
                if ((long)(await command.ExecuteScalarAsync())! <= survivors)
                    return;
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException("The killed host was not declared dead within 120 s");
    }
}
