using System.Globalization;
using System.Text.RegularExpressions;
using AsfPlatform.Contracts;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

/// <summary>
/// Every board document read as a board member reads it, against the dataset: a count said twice (sentence, summary
/// table, total row, indicator) is said the same; every status follows the plan's rule at the report's date; nothing
/// dated after the report's date appears.
/// </summary>
[Collection(DatasetCollection.Name)]
public sealed partial class WholeTruthTests(DatasetFixture fixture)
{
    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task Every_count_said_twice_in_the_document_is_said_the_same(string name)
    {
        var document = await BoardDocuments.RunAsync(fixture, name);
        var claims = Claims(document).ToList();
        var differing = claims.GroupBy(c => c.What)
            .Where(g => g.Select(c => c.Value).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: " + string.Join("; ", g.Select(c => $"{c.Value} ({c.Where})")))
            .ToList();
        Assert.True(differing.Count == 0, $"{name} säger olika siffror om samma sak:\n" + string.Join("\n", differing));
        // The extraction reads something in every document that has figures at all.
        if (!name.StartsWith("handlingsplan-region", StringComparison.Ordinal))
            Assert.Contains(claims.GroupBy(c => c.What), g => g.Count() > 1);
    }

    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task Every_indicator_status_in_the_document_follows_the_plan_s_rule_at_the_report_s_date(string name)
    {
        var run = BoardDocuments.Runs.Single(r => r.Name == name);
        var context = await fixture.ContextAsync(run.Arguments);
        var document = await BoardDocuments.RunAsync(fixture, name);
        var words = new[] { "Uppnått", "Ej uppnått", "I fas", "Ej i fas", "Saknar data" };
        var evaluations = context.Plans.SelectMany(p => p.Indicators).Concat(context.Indicators).ToList();
        foreach (var table in document.Tables)
            foreach (var row in table.Skip(1))
            {
                var status = row.LastOrDefault(c => words.Contains(c));
                var indicator = evaluations.Where(e => row.Contains(e.Title)).ToList();
                if (status is null || indicator.Count == 0)
                    continue;
                Assert.Contains(status, indicator.Select(PlanStatusRule.Words));
            }
        // No indicator is judged on a figure of another kind: registered companies never meet a target of active ones.
        foreach (var e in evaluations.Where(e => e.Title.Contains("aktivt verksamma", StringComparison.Ordinal)))
            Assert.Equal("Saknar data", PlanStatusRule.Words(e));
    }

    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task Nothing_dated_after_the_report_s_date_appears(string name)
    {
        var run = BoardDocuments.Runs.Single(r => r.Name == name);
        var context = await fixture.ContextAsync(run.Arguments);
        var document = await BoardDocuments.RunAsync(fixture, name);
        var asOf = context.AsOf;

        var findings = await fixture.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(run.Arguments.Owner!)).GetDataQualityFindings(run.Arguments.Insats);
        foreach (var later in findings.Where(f => f.Date > asOf))
            Assert.DoesNotContain(document.Paragraphs, p => p.Contains(later.Message, StringComparison.Ordinal) || p.StartsWith(later.Subject, StringComparison.Ordinal));
        var events = await fixture.Grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(run.Arguments.Owner!, run.Arguments.Insats!))
            .GetEvents(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        foreach (var later in events.Where(e => e.Date > asOf))
            Assert.DoesNotContain(document.Paragraphs, p => p == later.Title);
        foreach (var survey in context.Surveys.Where(s => s.Survey.Date > asOf))
            Assert.DoesNotContain(document.Paragraphs, p => p.Contains($"Länsuppföljning {survey.Survey.Year}", StringComparison.Ordinal)
                || p.Contains($"länsuppföljningen {SwedishFormat.Date(survey.Survey.Date)}", StringComparison.OrdinalIgnoreCase));
        // Every date in a table's first column (events, milestones) is on or before the report's date.
        foreach (var cell in document.Tables.SelectMany(t => t.Skip(1)).Select(r => r[0]))
            if (DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Assert.True(date <= asOf, $"{name}: {cell} ligger efter rapportens datum {SwedishFormat.Date(asOf)}.");
    }

    [Fact]
    public async Task A_mid_2017_report_lists_no_finding_about_2018_to_2020_and_the_final_report_lists_them()
    {
        var mid = await BoardDocuments.RunAsync(fixture, "lagesrapport-2017-06-30");
        var final = await BoardDocuments.RunAsync(fixture, "slutrapport");
        Assert.DoesNotContain(mid.Paragraphs, p => Regex.IsMatch(p, @"\b(2018|2019|2020)\b") && p.Contains("differens", StringComparison.Ordinal));
        Assert.Contains(final.Tables.SelectMany(t => t), r => r[0].StartsWith("Länsuppföljning 2020", StringComparison.Ordinal));
        Assert.Contains(final.Tables.SelectMany(t => t), r => r[0] == "Placeringar 2018, Nordanstig" && r[1] == "Utfall för män");
    }

    [Fact]
    public async Task The_kommunrapport_lists_the_findings_about_its_municipality_and_year_and_no_other()
    {
        var nordanstig = new ReportDocument(await fixture.RunAsync("kommunrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, 2018, "2132")));
        var hudiksvall = new ReportDocument(await fixture.RunAsync("kommunrapport", new(DatasetFixture.Owner, DatasetFixture.Insats, 2018, "2184")));
        Assert.Contains("Datakvalitet", nordanstig.Headings.Select(h => h.Trim()));
        Assert.Contains("Placeringar 2018, Nordanstig: utfall anges för 2 män men 1 man deltog; differens 1.", nordanstig.Paragraphs);
        Assert.DoesNotContain("Datakvalitet", hudiksvall.Headings.Select(h => h.Trim()));
        Assert.Empty(nordanstig.ValidationErrors());
    }

    [Fact]
    public async Task The_indicator_of_active_companies_says_what_was_counted_with_its_date_and_is_not_judged_on_it()
    {
        var document = await BoardDocuments.RunAsync(fixture, "lagesrapport-2017-12-31");
        var table = document.Tables.Single(t => t[0].Take(3).SequenceEqual(["Nr", "Indikator", "Utfall"]));
        var active = table.Single(r => r[1] == "Antal aktivt verksamma ASF i länet");
        Assert.Equal(["–", "Saknar data"], [active[2], active[^1]]);
        Assert.Contains(document.Paragraphs, p => p.StartsWith("Antal aktivt verksamma ASF i länet (källa: Antalet aktivt verksamma ASF finns inte registrerat. Registrerade ASF per 2017-10-01: 34", StringComparison.Ordinal));
        // The values at a date say whose figure and when.
        var employed = table.Single(r => r[1] == "Antal anställda i verksamma ASF i länet");
        Assert.EndsWith("per 2017-10-01", employed[2], StringComparison.Ordinal);
        Assert.Contains(document.Paragraphs, p => p.StartsWith("Värden vid en tidpunkt är den senaste uppgiften före rapportdatumet:", StringComparison.Ordinal)
            && p.Contains("länsuppföljningen hösten 2017 (2017-10-01)", StringComparison.Ordinal));
    }

    /// <summary>What a document states about a count, where, and the number it gives.</summary>
    private sealed record Claim(string What, int Value, string Where);

    private static IEnumerable<Claim> Claims(ReportDocument document)
    {
        // A document over several years (the final report) says its figures per year: keys carry the year there.
        var multiYear = document.Tables.Any(t => t[0].Count > 0 && t[0][0] == "År");
        foreach (var table in document.Tables)
        {
            var header = table[0];
            if (header.Count > 0 && header[0] == "År")
                foreach (var (column, key) in new[] { ("Beviljade", "beviljade platser"), ("Nyttjade", "nyttjade platser") })
                    if (header.ToList().FindIndex(h => h.StartsWith(column, StringComparison.Ordinal)) is >= 0 and var at)
                        foreach (var year in table.Skip(1).Where(r => r[0] != "Summa").GroupBy(r => r[0]))
                            yield return new($"{key} {year.Key}", year.Sum(r => Int(r[at]) ?? 0), "raderna för " + year.Key);
            // The summary table: "Beviljade platser 2017 | 4", "Aktiviteter 2017-01-01 – 2017-06-30 | 2", "Aktiviteter i kommunen 2017 | 0".
            if (header.SequenceEqual(["Nyckeltal", "Antal"]))
                foreach (var row in table.Skip(1))
                {
                    if (Key(row[0]) is { } key && Int(row[1]) is { } n)
                        yield return new(key, n, "sammanfattningen");
                }
            // A placement table's total row: granted, used, participants.
            var total = table.Skip(1).LastOrDefault(r => r[0] == "Summa");
            if (total is not null && header.Any(h => h.StartsWith("Beviljade", StringComparison.Ordinal)))
                foreach (var (column, key) in new[] { ("Beviljade", "beviljade platser"), ("Nyttjade", "nyttjade platser"), ("Deltagare", "deltagare") })
                    if (header.ToList().FindIndex(h => h.StartsWith(column, StringComparison.Ordinal)) is >= 0 and var at && Int(total[at]) is { } n)
                        yield return new(key, n, "summaraden i " + string.Join("/", header.Take(3)));
            // The events table's total row: "Summa | 2 st".
            if (total is not null && header.Take(3).SequenceEqual(["Datum", "Typ", "Aktivitet"]) && Int(total[1]) is { } events)
                yield return new("aktiviteter", events, "aktivitetstabellens summarad");
            // Indicator tables: the value of an indicator that counts places or events.
            if (header.Contains("Indikator") && header.Contains("Utfall"))
            {
                var (title, value, target) = (header.ToList().IndexOf("Indikator"), header.ToList().IndexOf("Utfall"), header.ToList().IndexOf("Målbild"));
                foreach (var row in table.Skip(1))
                {
                    var year = multiYear && target >= 0 && TargetYear().Match(row[target]) is { Success: true } y ? " " + y.Groups[1].Value : "";
                    if (row[title] == "Antal platser som stödfinansieras av förbundet" && Int(row[value]) is { } places)
                        yield return new("beviljade platser" + year, places, "indikatortabellen");
                    if (row[title].StartsWith("Antal genomförda informationsinsatser", StringComparison.Ordinal) && Int(row[value]) is { } informing)
                        yield return new("informationsinsatser" + year, informing, "indikatortabellen");
                }
            }
        }

        foreach (var p in document.Paragraphs)
        {
            if (PlacementSentence().Match(p) is { Success: true } m)
            {
                yield return new("beviljade platser", int.Parse(m.Groups["granted"].Value, CultureInfo.InvariantCulture), "meningen om platser");
                yield return new("nyttjade platser", int.Parse(m.Groups["used"].Value, CultureInfo.InvariantCulture), "meningen om platser");
                yield return new("deltagare", int.Parse(m.Groups["participants"].Value, CultureInfo.InvariantCulture), "meningen om platser");
            }
            if (EventSentence().Match(p) is { Success: true } e)
            {
                yield return new("aktiviteter", int.Parse(e.Groups["events"].Value, CultureInfo.InvariantCulture), "meningen om aktiviteter");
                // The indicator counts from the year's start: only a half-year from 1 January is the indicator's period.
                if (e.Groups["informing"].Success && e.Groups["from"].Value.EndsWith("-01-01", StringComparison.Ordinal))
                    yield return new("informationsinsatser", int.Parse(e.Groups["informing"].Value, CultureInfo.InvariantCulture), "meningen om aktiviteter");
            }
            if (SubregionSentence().Match(p) is { Success: true } s)
                yield return new("registrerade ASF i delregionen", int.Parse(s.Groups["companies"].Value, CultureInfo.InvariantCulture), "meningen om länsuppföljningen");
            if (BudgetSentence().Match(p) is { Success: true } b)
                yield return new("budget", int.Parse(Regex.Replace(b.Groups["total"].Value, @"\s", ""), CultureInfo.InvariantCulture), "meningen om budgeten");
            if (IndicatorOutcome().Match(p) is { Success: true } o && document.Paragraphs is { } all)
                yield return new Claim("utfall:" + PrecedingTitle(all, p), int.Parse(o.Groups["value"].Value.Replace(" ", ""), CultureInfo.InvariantCulture), "bilaga 2:s punkter");
        }
        // The budget's total row against the sentence.
        foreach (var table in document.Tables.Where(t => t[0].SequenceEqual(["Budgetpost", "Belopp"])))
            if (table[^1][0] == "Summa")
                yield return new("budget", int.Parse(Regex.Replace(table[^1][1], @"[^\d]", ""), CultureInfo.InvariantCulture), "budgettabellen");
        // Bilaga 2's table against its bullets.
        foreach (var table in document.Tables.Where(t => t[0].Take(4).SequenceEqual(["Indikator", "Utgångsläge", "Målbild", "Utfall"])))
            foreach (var row in table.Skip(1))
                if (LeadingNumber().Match(row[3]) is { Success: true } n)
                    yield return new("utfall:" + row[0], int.Parse(n.Value.Replace(" ", ""), CultureInfo.InvariantCulture), "bilaga 2:s tabell");
    }

    private static string PrecedingTitle(IReadOnlyList<string> paragraphs, string line)
    {
        var at = paragraphs.ToList().IndexOf(line);
        for (var i = at - 1; i >= 0; i--)
            if (!paragraphs[i].Contains(':', StringComparison.Ordinal))
                return paragraphs[i];
        return "";
    }

    private static string? Key(string label) => label switch
    {
        _ when label.StartsWith("Beviljade platser", StringComparison.Ordinal) => "beviljade platser",
        _ when label.StartsWith("Nyttjade platser", StringComparison.Ordinal) => "nyttjade platser",
        _ when label.StartsWith("Aktiviteter", StringComparison.Ordinal) => "aktiviteter",
        _ when label.StartsWith("Registrerade ASF i", StringComparison.Ordinal) => "registrerade ASF i delregionen",
        _ => null,
    };

    private static int? Int(string text) => LeadingNumber().Match(text) is { Success: true } m
        ? int.Parse(m.Value.Replace(" ", ""), CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\((\d{4})-12-31\)")]
    private static partial Regex TargetYear();

    [GeneratedRegex(@"^\d+( \d{3})*(?![\d,])")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?<granted>\d+) platse?r? beviljades och (?<used>\d+) nyttjades av (?<participants>\d+) deltagare|Totalt beviljades medel för (?<granted>\d+) handledda? placering(ar)?, varav (?<used>\d+) nyttjades av (?<participants>\d+) deltagare")]
    private static partial Regex PlacementSentence();

    [GeneratedRegex(@"(?:Under perioden (?<from>\S+) – \S+ genomfördes |^)(?<events>\d+) registrerade? aktivitet(?:er)?(?:, varav (?<informing>\d+) informationsinsats)?")]
    private static partial Regex EventSentence();

    [GeneratedRegex(@"räknade (?<companies>\d+) registrerade? arbetsintegrerande")]
    private static partial Regex SubregionSentence();

    [GeneratedRegex(@"Budgeten för \d{4} uppgår till sammanlagt (?<total>[\d ]+) kr")]
    private static partial Regex BudgetSentence();

    [GeneratedRegex(@"^Utfall per (?<date>\d{4}-\d{2}-\d{2}): (?<value>\d+( \d{3})*)(?![\d,])")]
    private static partial Regex IndicatorOutcome();
}
