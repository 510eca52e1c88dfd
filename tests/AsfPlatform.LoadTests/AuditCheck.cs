using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Contracts;

namespace AsfPlatform.LoadTests;

/// <summary>
/// The audit log against the stored state after a run: every stored change has exactly one audit entry and every
/// audit entry a stored change. Companies: a company's version counts its stored changes (one for the set-up's
/// registration, which is not a user's change, and one per figures write), so its figures entries must number
/// version − 1, and the newest one must show the figures stored. Events: the load's events stored on the insats and
/// those the audit log names must be the same set, each named once. Acknowledged writes must be stored.
/// </summary>
public static class AuditCheck
{
    private const string OwnerId = "finsam-gavleborg", InsatsId = "asf-2016-2020";

    public static async Task<(List<string> Failures, string Summary)> VerifyAsync(IGrainFactory grains, IAuditLog audit, IReadOnlyList<Office> offices)
    {
        var failures = new List<string>();
        var (changes, entries) = (0L, 0L);
        foreach (var office in offices)
        {
            var company = await grains.GetGrain<ICompanyGrain>(GrainKeys.Company(OwnerId, office.CompanyId)).GetSnapshot();
            var audited = (await audit.ReadAsync("företag", GrainKeys.PathOf(GrainKeys.Company(OwnerId, office.CompanyId))))
                .Where(e => e.Action.StartsWith("siffror registrerade", StringComparison.Ordinal)).ToList();
            changes += company.Version - 1;
            entries += audited.Count;
            if (audited.Count != company.Version - 1)
                failures.Add($"{office.CompanyId}: {company.Version - 1} stored changes, {audited.Count} audit entries");
            var stored = company.Figures.SingleOrDefault(f => f.Date == Office.FiguresDate)?.EmployedWomen ?? -1;
            var newest = audited.Count == 0 ? -1
                : JsonDocument.Parse(audited[^1].AfterJson!).RootElement.GetProperty("employedWomen").GetInt32();
            if (newest != stored)
                failures.Add($"{office.CompanyId}: stored figures {stored}, newest audit entry {newest}");
            // Later writes only ever raise the figure, so what was acknowledged is what is stored or less.
            if (stored < office.LastAcknowledgedEmployed)
                failures.Add($"{office.CompanyId}: acknowledged {office.LastAcknowledgedEmployed}, stored {stored} (lost)");
        }

        var insats = grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(OwnerId, InsatsId));
        var storedEvents = (await insats.GetEvents(new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)))
            .Select(e => e.Id).Where(IsLoadEvent).ToHashSet(StringComparer.Ordinal);
        const string recorded = "aktivitet registrerad: ";
        var auditedEvents = (await audit.ReadAsync("insats", $"{OwnerId}/{InsatsId}"))
            .Where(e => e.Action.StartsWith(recorded, StringComparison.Ordinal))
            .Select(e => e.Action[recorded.Length..]).Where(IsLoadEvent)
            .GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        changes += storedEvents.Count;
        entries += auditedEvents.Values.Sum();
        foreach (var (id, count) in auditedEvents.Where(a => a.Value != 1))
            failures.Add($"event {id}: {count} audit entries");
        foreach (var id in storedEvents.Where(id => !auditedEvents.ContainsKey(id)))
            failures.Add($"event {id}: stored without an audit entry");
        foreach (var id in auditedEvents.Keys.Where(id => !storedEvents.Contains(id)))
            failures.Add($"event {id}: audited but not stored");
        foreach (var id in offices.SelectMany(o => o.AcknowledgedEventIds).Where(id => !storedEvents.Contains(id)))
            failures.Add($"event {id}: acknowledged but not stored (lost)");

        return (failures, $"{changes} stored changes of the load, {entries} audit entries");
    }

    private static bool IsLoadEvent(string id) => id.Contains("-load-", StringComparison.Ordinal);
}
