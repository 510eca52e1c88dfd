using System.Text.Json;
using AsfPlatform.Contracts;

namespace AsfPlatform.Backup;

/// <summary>
/// What replacing an owner's data with a backup takes: the writes that bring the installation's records to the
/// backup's content, worked out from two documents (what is here, read by <see cref="BackupWriter"/>, and the backup)
/// before anything is written.
/// </summary>
/// <remarks>
/// Only writes that can be undone through the domain are planned, so a replace that fails midway can always be put
/// back by replacing again with what was here before. The domain cannot remove a company, an insats, a plan, a county
/// survey or a stated total, cannot reopen a closed insats and cannot take an insats's texts away again; so a
/// difference of that kind — whichever side has it — refuses the whole replace, naming each.
/// </remarks>
public static class BackupReplacePlan
{
    /// <summary>
    /// The writes from <paramref name="current"/> to <paramref name="target"/>, in an order the domain accepts (records
    /// before the facts that name them, removals of municipalities last); <see cref="BackupConflictException"/> naming
    /// every blocker when the domain could not undo them.
    /// </summary>
    public static IReadOnlyList<ReplaceStep> Between(BackupDocument current, BackupDocument target)
    {
        var ownerId = target.Manifest.OwnerId;
        var blockers = Blockers(current, target);
        if (blockers.Count > 0)
            throw new BackupConflictException($"Säkerhetskopian kan inte ersätta uppgifterna för \"{ownerId}\": " +
                string.Join("; ", blockers) + ". Domänen kan inte ta bort eller återställa sådant, så ersättningen kunde inte göras " +
                "hel eller ångras; inget har ändrats.");

        var steps = new List<ReplaceStep>();
        var directoryKey = GrainKeys.Owner(ownerId);
        if (!Same(current.Owner.Profile, target.Owner.Profile))
            steps.Add(new("organisation", ownerId, "organisationen ändrad", current.Owner.Profile, target.Owner.Profile, async (g, note) =>
            {
                var d = g.GetGrain<IOwnerDirectoryGrain>(directoryKey);
                await d.SaveProfile(new SaveOwnerProfile(target.Owner.Profile, (await d.GetSnapshot()).Version, Audit: note));
            }));

        var municipalities = current.Municipalities.ToDictionary(m => m.Kommunkod);
        foreach (var m in target.Municipalities)
        {
            var key = GrainKeys.Municipality(ownerId, m.Kommunkod);
            var here = municipalities.GetValueOrDefault(m.Kommunkod);
            if (here is null || here.Name != m.Name || here.Subregion != m.Subregion)
                steps.Add(new("kommun", GrainKeys.PathOf(key), here is null ? "kommunen tillagd i organisationen" : "kommunen ändrad",
                    here is null ? null : new { here.Name, here.Subregion }, new { m.Name, m.Subregion }, async (g, note) =>
                    {
                        var grain = g.GetGrain<IMunicipalityGrain>(key);
                        await grain.Register(new RegisterMunicipality(m.Name, m.Subregion, (await grain.GetSnapshot()).Version, Audit: note));
                    }));
            Diff(steps, "kommun", key, here?.Milestones ?? [], m.Milestones, x => x.Id, x => $"milstolpe {x.Title}",
                async (g, x, note) =>
                {
                    var grain = g.GetGrain<IMunicipalityGrain>(key);
                    await grain.RecordMilestone(new RecordMunicipalMilestone(x, (await grain.GetSnapshot()).Version, Audit: note));
                },
                async (g, x, note) =>
                {
                    var grain = g.GetGrain<IMunicipalityGrain>(key);
                    await grain.RemoveMilestone(x.Id, (await grain.GetSnapshot()).Version, note);
                });
        }

        var surveys = current.Surveys.ToDictionary(s => s.Year);
        foreach (var s in target.Surveys.Where(s => !Same(surveys[s.Year], s)))
            steps.Add(new("organisation", ownerId, $"länsuppföljning {s.Year} ändrad", surveys[s.Year], s, async (g, note) =>
            {
                var d = g.GetGrain<IOwnerDirectoryGrain>(directoryKey);
                await d.RecordSurvey(new RecordCountySurvey(s, (await d.GetSnapshot()).Version, Audit: note));
            }));

        var companies = current.Companies.ToDictionary(c => c.Company.Id);
        foreach (var c in target.Companies)
        {
            var key = GrainKeys.Company(ownerId, c.Company.Id);
            var here = companies[c.Company.Id];
            if (!Same(here.Company, c.Company))
                steps.Add(new("företag", GrainKeys.PathOf(key), $"företag ändrat: {c.Company.Name}", here.Company, c.Company, async (g, note) =>
                {
                    var grain = g.GetGrain<ICompanyGrain>(key);
                    await grain.Register(new RegisterCompany(c.Company, (await grain.GetSnapshot()).Version, Audit: note));
                }));
            Diff(steps, "företag", key, here.Figures, c.Figures, f => f.Date, f => $"siffror per {f.Date:yyyy-MM-dd}",
                async (g, f, note) =>
                {
                    var grain = g.GetGrain<ICompanyGrain>(key);
                    await grain.RecordFigures(new RecordCompanyFigures(f, (await grain.GetSnapshot()).Version, Audit: note));
                },
                async (g, f, note) =>
                {
                    var grain = g.GetGrain<ICompanyGrain>(key);
                    await grain.RemoveFigures(f.Date, (await grain.GetSnapshot()).Version, note);
                });
        }

        var insatser = current.Insatser.ToDictionary(i => i.Insats.Id);
        foreach (var i in target.Insatser)
        {
            var key = GrainKeys.Insats(ownerId, i.Insats.Id);
            var here = insatser[i.Insats.Id];
            // Closing has its own command; a definition keeps the insats's closing date.
            if (!Same(here.Insats with { ClosedOn = null }, i.Insats with { ClosedOn = null }))
                steps.Add(new("insats", GrainKeys.PathOf(key), "insats ändrad", here.Insats, i.Insats, async (g, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.Define(new DefineInsats(i.Insats, (await grain.GetSnapshot()).Version, Audit: note));
                }));
            var totals = here.StatedTotals.ToDictionary(t => t.Id);
            foreach (var t in i.StatedTotals.Where(t => !Same(totals[t.Id], t)))
                steps.Add(new("insats", GrainKeys.PathOf(key), $"angiven summa ändrad: {t.Id}", totals[t.Id], t, async (g, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.RecordStatedTotal(new RecordStatedTotal(t, (await grain.GetSnapshot()).Version, Audit: note));
                }));
            if (i.Texts is { } texts && !Same(here.Texts, texts))
                steps.Add(new("insats", GrainKeys.PathOf(key), "insatsens texter ändrade", here.Texts, texts, async (g, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.SetNarrative(new SetInsatsNarrative(texts, (await grain.GetSnapshot()).Version, Audit: note));
                }));
        }

        var plans = current.Plans.ToDictionary(p => (p.InsatsId, p.Year));
        foreach (var p in target.Plans.Where(p => !Same(plans[(p.InsatsId, p.Year)].Content, p.Content)))
        {
            var key = GrainKeys.Plan(ownerId, p.InsatsId, p.Year);
            steps.Add(new("handlingsplan", GrainKeys.PathOf(key), "handlingsplan ändrad", plans[(p.InsatsId, p.Year)].Content, p.Content,
                async (g, note) =>
                {
                    var grain = g.GetGrain<IYearlyPlanGrain>(key);
                    await grain.Save(new SavePlan(p.Content, (await grain.GetSnapshot()).Version, Audit: note));
                }));
        }

        foreach (var i in target.Insatser)
        {
            var insatsId = i.Insats.Id;
            var key = GrainKeys.Insats(ownerId, insatsId);
            Diff(steps, "insats", key, current.Narratives.Where(n => n.InsatsId == insatsId).Select(n => n.Milestone).ToList(),
                target.Narratives.Where(n => n.InsatsId == insatsId).Select(n => n.Milestone).ToList(), m => m.Id,
                m => $"milstolpe i berättelsen: {m.Id}",
                async (g, m, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.RecordMilestone(new RecordNarrativeMilestone(m, (await grain.GetSnapshot()).Version, Audit: note));
                },
                async (g, m, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.RemoveMilestone(m.Id, (await grain.GetSnapshot()).Version, note);
                });
            // An event carries a version of its own (events do not change the insats's).
            Diff(steps, "insats", key, current.Events.Where(e => e.InsatsId == insatsId).Select(e => e.Event).ToList(),
                target.Events.Where(e => e.InsatsId == insatsId).Select(e => e.Event).ToList(), e => e.Id, e => $"aktivitet: {e.Id}",
                async (g, e, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    var stored = await grain.GetEvent(e.Id);
                    await grain.SaveEvent(stored.Exists
                        ? new RecordInformationEvent(e, stored.Version, Audit: note)
                        : new RecordInformationEvent(e, CreateOnly: true, Audit: note));
                },
                async (g, e, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.RemoveEvent(e.Id, (await grain.GetEvent(e.Id)).Version, note);
                });
            Diff(steps, "insats", key, current.Placements.Where(p => p.InsatsId == insatsId).Select(p => p.Placement).ToList(),
                target.Placements.Where(p => p.InsatsId == insatsId).Select(p => p.Placement).ToList(), p => p.Id,
                p => $"placering: {p.Id}",
                async (g, p, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.RecordPlacement(new RecordPlacement(p, (await grain.GetSnapshot()).Version, Audit: note));
                },
                async (g, p, note) =>
                {
                    var grain = g.GetGrain<IInsatsGrain>(key);
                    await grain.RemovePlacement(p.Id, (await grain.GetSnapshot()).Version, note);
                });
        }

        // Last among the insats's writes: a closed insats refuses facts dated after its closing.
        foreach (var i in target.Insatser.Where(i => i.Insats.ClosedOn is { } on && insatser[i.Insats.Id].Insats.ClosedOn != on))
        {
            var key = GrainKeys.Insats(ownerId, i.Insats.Id);
            var on = i.Insats.ClosedOn!.Value;
            steps.Add(new("insats", GrainKeys.PathOf(key), $"insats avslutad per {on:yyyy-MM-dd}", insatser[i.Insats.Id].Insats, i.Insats, async (g, note) =>
            {
                var grain = g.GetGrain<IInsatsGrain>(key);
                await grain.Close(new CloseInsats(on, (await grain.GetSnapshot()).Version, Audit: note));
            }));
        }

        // Last of all: a municipality leaves once nothing of the backup is recorded there any more.
        var kept = target.Municipalities.Select(m => m.Kommunkod).ToHashSet(StringComparer.Ordinal);
        foreach (var m in current.Municipalities.Where(m => !kept.Contains(m.Kommunkod)))
        {
            var key = GrainKeys.Municipality(ownerId, m.Kommunkod);
            steps.Add(new("kommun", GrainKeys.PathOf(key), "kommunen borttagen ur organisationen", new { m.Name, m.Subregion }, null,
                async (g, note) =>
                {
                    var grain = g.GetGrain<IMunicipalityGrain>(key);
                    await grain.Remove((await grain.GetSnapshot()).Version, note);
                }));
        }
        return steps;
    }

    /// <summary>What the domain could not undo or remove, in Swedish, one phrase each.</summary>
    private static List<string> Blockers(BackupDocument current, BackupDocument target)
    {
        var blockers = new List<string>();
        void Sides<TKey>(string what, IEnumerable<TKey> here, IEnumerable<TKey> there) where TKey : notnull
        {
            var (h, t) = (here.ToHashSet(), there.ToHashSet());
            blockers.AddRange(h.Except(t).Select(k => $"{what} {k} finns här men saknas i säkerhetskopian"));
            blockers.AddRange(t.Except(h).Select(k => $"{what} {k} finns i säkerhetskopian men inte här"));
        }
        Sides("företaget", current.Companies.Select(c => c.Company.Id), target.Companies.Select(c => c.Company.Id));
        Sides("insatsen", current.Insatser.Select(i => i.Insats.Id), target.Insatser.Select(i => i.Insats.Id));
        Sides("handlingsplanen", current.Plans.Select(p => $"{p.InsatsId}/{p.Year}"), target.Plans.Select(p => $"{p.InsatsId}/{p.Year}"));
        Sides("länsuppföljningen", current.Surveys.Select(s => s.Year), target.Surveys.Select(s => s.Year));
        var here = current.Insatser.ToDictionary(i => i.Insats.Id);
        foreach (var i in target.Insatser.Where(i => here.ContainsKey(i.Insats.Id)))
        {
            var h = here[i.Insats.Id];
            Sides($"insatsen {i.Insats.Id}: den angivna summan", h.StatedTotals.Select(t => t.Id), i.StatedTotals.Select(t => t.Id));
            if ((h.Insats.ClosedOn is null) != (i.Insats.ClosedOn is null))
                blockers.Add($"insatsen {i.Insats.Id} är avslutad {(h.Insats.ClosedOn is null ? "i säkerhetskopian men inte här" : "här men inte i säkerhetskopian")}");
            if ((h.Texts is null) != (i.Texts is null))
                blockers.Add($"insatsen {i.Insats.Id} har egna texter {(h.Texts is null ? "i säkerhetskopian men inte här" : "här men inte i säkerhetskopian")}");
        }
        return blockers;
    }

    /// <summary>
    /// Records of one list keyed by id, brought to the backup's content and order (reports list them in the order they
    /// were recorded, and a record added is added last): where both lists hold the same ids in the same places, a
    /// changed record is corrected in place; from the first place where they differ, what is here is removed and the
    /// backup's records are recorded again in its order.
    /// </summary>
    private static void Diff<T, TKey>(List<ReplaceStep> steps, string entityType, string grainKey, IReadOnlyList<T> here,
        IReadOnlyList<T> there, Func<T, TKey> id, Func<T, string> name, Func<IGrainFactory, T, AuditNote, Task> record,
        Func<IGrainFactory, T, AuditNote, Task> remove) where TKey : notnull where T : class
    {
        var path = GrainKeys.PathOf(grainKey);
        var same = 0;
        while (same < here.Count && same < there.Count && EqualityComparer<TKey>.Default.Equals(id(here[same]), id(there[same])))
            same++;
        for (var i = 0; i < same; i++)
            if (!Same(here[i], there[i]))
            {
                var x = there[i];
                steps.Add(new(entityType, path, $"{name(x)} ändrad", here[i], x, (g, note) => record(g, x, note)));
            }
        foreach (var x in here.Skip(same))
            steps.Add(new(entityType, path, $"{name(x)} borttagen", x, null, (g, note) => remove(g, x, note)));
        foreach (var x in there.Skip(same))
            steps.Add(new(entityType, path, $"{name(x)} registrerad", null, x, (g, note) => record(g, x, note)));
    }

    /// <summary>Records holding lists compare by content: the same JSON is the same record.</summary>
    internal static bool Same<T>(T a, T b) =>
        JsonSerializer.Serialize(a, BackupFormat.Json) == JsonSerializer.Serialize(b, BackupFormat.Json);
}
