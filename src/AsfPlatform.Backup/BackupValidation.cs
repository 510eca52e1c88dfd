using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Backup;

/// <summary>
/// Checks every record of a backup with the rules the grains apply on the create paths a restore uses
/// (<see cref="FactRules"/>, <see cref="OwnerRules"/>), and that each record belongs to something in the document. So a
/// restore is refused as a whole before its first write, rather than stopping halfway on a record the domain refuses.
/// </summary>
internal static class BackupValidation
{
    public static void Check(BackupDocument d)
    {
        var ownerId = d.Manifest.OwnerId;
        Require(BackupFormat.Owner, d.Owner?.Profile is not null, "ägarens profil saknas.");
        Require(BackupFormat.Owner, d.Owner!.Id == ownerId, $"ägaren \"{d.Owner.Id}\" är inte manifestets \"{ownerId}\".");
        Check(BackupFormat.Owner, ownerId, new Validator().Id("id", ownerId));
        Check(BackupFormat.Owner, ownerId, OwnerRules.Profile(d.Owner.Profile));

        Each(BackupFormat.Municipalities, d.Municipalities, m => m.Kommunkod, m =>
        {
            var v = FactRules.Municipality(new Municipality(m.Kommunkod, m.Name, m.Subregion));
            Require(BackupFormat.Municipalities, m.Milestones is not null, $"{m.Kommunkod}: milestones saknas.");
            foreach (var milestone in m.Milestones!)
                v.Merge(FactRules.MunicipalMilestone(milestone));
            return v;
        });
        Each(BackupFormat.Surveys, d.Surveys, s => s.Year.ToString(), FactRules.Survey);
        Each(BackupFormat.Companies, d.Companies, c => c.Company?.Id ?? "?", c =>
        {
            Require(BackupFormat.Companies, c.Company is not null && c.Figures is not null, "ett företag saknar company eller figures.");
            var v = FactRules.Company(c.Company!);
            foreach (var f in c.Figures!)
                v.Merge(FactRules.CompanyFigures(f));
            return v;
        });
        Each(BackupFormat.Insatser, d.Insatser, i => i.Insats?.Id ?? "?", i =>
        {
            Require(BackupFormat.Insatser, i.Insats is not null && i.StatedTotals is not null, "en insats saknar insats eller statedTotals.");
            var v = FactRules.Insats(i.Insats!);
            foreach (var t in i.StatedTotals!)
                v.Merge(FactRules.StatedTotal(t));
            if (i.Texts is { } texts)
                v.Merge(NarrativeRules.Check(texts, i.Insats!));
            return v;
        });
        var insatser = d.Insatser.ToDictionary(i => i.Insats.Id, i => i.Insats, StringComparer.Ordinal);
        Insats InsatsOf(string file, string? id) =>
            id is not null && insatser.TryGetValue(id, out var i) ? i
                : throw new BackupInvalidException(file, $"insatsen \"{id}\" finns inte i {BackupFormat.Insatser}.");

        Each(BackupFormat.Plans, d.Plans, p => $"{p.InsatsId}/{p.Year}", p =>
        {
            var i = InsatsOf(BackupFormat.Plans, p.InsatsId);
            Require(BackupFormat.Plans, p.Content is not null, $"planen {p.InsatsId}/{p.Year} saknar content.");
            Require(BackupFormat.Plans, p.Year >= i.PeriodStart.Year && p.Year <= i.PeriodEnd.Year,
                $"planen {p.InsatsId}/{p.Year} ligger utanför insatsens period.");
            return FactRules.Plan(p.Content!, p.Year);
        });
        Each(BackupFormat.Narratives, d.Narratives, n => n.Milestone?.Id ?? "?", n => FactRules.Narrative(n.Milestone, InsatsOf(BackupFormat.Narratives, n.InsatsId)));
        Each(BackupFormat.Events, d.Events, e => e.Event?.Id ?? "?", e => FactRules.Event(e.Event, InsatsOf(BackupFormat.Events, e.InsatsId)));
        Each(BackupFormat.Placements, d.Placements, p => p.Placement?.Id ?? "?", p => FactRules.Placement(p.Placement, InsatsOf(BackupFormat.Placements, p.InsatsId)));

        Require(BackupFormat.DatasetLedger, d.DatasetLedger.All(k => !string.IsNullOrWhiteSpace(k)), "en post är tom.");
        for (var n = 0; n < d.AuditLog.Count; n++)
        {
            var e = d.AuditLog[n] ?? throw new BackupInvalidException(BackupFormat.AuditLog, $"post {n + 1} är tom.");
            Require(BackupFormat.AuditLog, !string.IsNullOrWhiteSpace(e.Actor) && !string.IsNullOrWhiteSpace(e.EntityType)
                && !string.IsNullOrWhiteSpace(e.Action), $"post {n + 1} saknar actor, entityType eller action.");
            Require(BackupFormat.AuditLog, e.EntityId == ownerId || e.EntityId?.StartsWith(ownerId + "/", StringComparison.Ordinal) == true,
                $"post {n + 1} gäller \"{e.EntityId}\", som inte hör till ägaren \"{ownerId}\".");
        }
    }

    private static void Each<T>(string file, IReadOnlyList<T>? items, Func<T, string> name, Func<T, Validator> rules)
    {
        Require(file, items is not null && items.All(x => x is not null), "filen ska vara en lista utan tomma poster.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items!)
        {
            var id = name(item);
            Require(file, seen.Add(id), $"\"{id}\" finns två gånger.");
            Validator checkedItem;
            try
            {
                checkedItem = rules(item);
            }
            catch (NullReferenceException)
            {
                // JSON null where the record needs a value (a list, a nested record) that the rules read.
                throw new BackupInvalidException(file, $"\"{id}\" saknar obligatoriska uppgifter.");
            }
            Check(file, id, checkedItem);
        }
    }

    private static void Merge(this Validator into, Validator other)
    {
        foreach (var e in other.Errors)
            into.Add(e.Field, e.Message);
    }

    private static void Check(string file, string id, Validator validator)
    {
        if (validator.Errors.Count > 0)
            throw new BackupInvalidException(file,
                $"\"{id}\" godtas inte: {string.Join("; ", validator.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }

    private static void Require(string file, bool condition, string message)
    {
        if (!condition)
            throw new BackupInvalidException(file, message);
    }
}
