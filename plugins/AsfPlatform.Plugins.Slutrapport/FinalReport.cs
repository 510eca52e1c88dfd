using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Slutrapport;

/// <summary>Writes the final report's chapters for one insats; figures are computed here from the context's facts.</summary>
internal sealed class FinalReport(IReportContext context, Insats insats)
{
    /// <summary>The last date the report covers: the insats end, or the report date when that is earlier.</summary>
    private readonly DateOnly _end = context.AsOf < insats.PeriodEnd ? context.AsOf : insats.PeriodEnd;

    /// <summary>The last date the report covers, which is the report's date.</summary>
    public DateOnly End => _end;

    private IEnumerable<int> Years => Enumerable.Range(insats.PeriodStart.Year, Math.Max(0, _end.Year - insats.PeriodStart.Year + 1));

    private IReadOnlyList<CountySurvey> Surveys => context.Surveys.Select(s => s.Survey)
        .Where(s => s.Year >= insats.PeriodStart.Year && s.Date <= _end).OrderBy(s => s.Year).ToList();

    private IReadOnlyList<Placement> Placements => context.Placements.Where(p => p.Year <= _end.Year).OrderBy(p => p.Year).ToList();

    private readonly MunicipalityNames _names = new(context.Municipalities);
    private readonly SubregionNames _subregions = new(context.Owner);

    /// <summary>The insats' own texts; empty when none were written.</summary>
    private readonly InsatsNarrative _texts = context.Insats?.Narrative ?? new InsatsNarrative();

    /// <summary>Whether the report covers the whole insats: only then does it print the texts written at its end
    /// (summaries, lessons, analysis, conclusions), which a report as of an earlier date must not show.</summary>
    private bool CoversWholePeriod => _end >= insats.PeriodEnd || insats.ClosedOn is { } closed && _end >= closed;

    public void WriteAssignment(IDocumentBuilder document)
    {
        document.Heading("Uppdraget");
        document.Paragraph($"Slutrapporten redovisar insatsen \"{insats.Title}\" från start till slut, med siffror beräknade ur de uppgifter som registrerats för insatsen.");
        document.Heading("Insatsperiod", 2).Paragraph(
            $"{SwedishText.Capitalise(SwedishText.MonthPeriod(insats.PeriodStart, insats.PeriodEnd))} ({SwedishFormat.Period(insats.PeriodStart, insats.PeriodEnd)}).");
        if (insats.TargetGroups.Count > 0)
            document.Heading("Målgrupp", 2).BulletList(insats.TargetGroups);
        if (insats.OverarchingGoals.Count > 0)
            document.Heading("Övergripande målsättning för insatsen", 2).BulletList(insats.OverarchingGoals);
        document.Heading("Beskrivning av verksamheten", 2);
        // The insats' own description of its work (staffing, main activities); the short description only when none was written.
        if (_texts.Assignment is { Length: > 0 } assignment)
            StoredText.Write(document, assignment, subheadingLevel: 2);
        else if (insats.Description is { Length: > 0 } description)
            StoredText.Write(document, description);
        else
            Missing(document, "Insatsens beskrivning av verksamheten finns inte registrerad.");
        if (insats.Partners.Count > 0)
            document.Heading("Samverkansparter", 2).BulletList(insats.Partners);
    }

    public void WriteBackground(IDocumentBuilder document)
    {
        document.Heading("Bakgrund");
        // The insats' own background as written for it, never a yearly plan's (which speaks of its own year).
        if (_texts.Background is { Length: > 0 } background)
            StoredText.Write(document, background, subheadingLevel: 2);
        else
            Missing(document, "Insatsens bakgrund finns inte registrerad.");
        if (Surveys.FirstOrDefault() is { } first)
            document.Paragraph(
                $"Vid länsuppföljningen {SwedishText.Season(first.Date).ToLowerInvariant()} ({SwedishFormat.Date(first.Date)}) fanns {SwedishFormat.Number(first.Companies)} registrerade arbetsintegrerande sociala företag i länet med sammantaget {SwedishFormat.Number(first.Employed)} anställda och {SwedishFormat.Number(first.Participants)} personer i åtgärd.");
    }

    /// <summary>Says plainly that a text is missing, set apart from the insats' own words.</summary>
    private static void Missing(IDocumentBuilder document, string sentence) => document.Paragraph(TextSpan.Emphasis(sentence));

    public void WriteIndividualTrack(IDocumentBuilder document)
    {
        var placements = Placements;
        if (placements.Count == 0)
            return;
        var first = placements.Min(p => p.Year);
        var last = placements.Max(p => p.Year);
        document.Heading(first == last ? $"Individinriktade insatser {first}" : $"Individinriktade insatser {first}–{last}");
        if (_texts.IndividualTrack is { Length: > 0 } purpose)
            StoredText.Write(document, purpose);
        else
            document.Paragraph("För att bereda fler individer med behov av anpassad rehabilitering och arbetsträning avsattes medel, sökbara för parterna, för finansiering av handledarstödda platser hos lokala ASF.");

        foreach (var year in placements.GroupBy(p => p.Year).OrderBy(g => g.Key))
        {
            document.Heading(year.Key.ToString(SwedishFormat.Culture), 2);
            foreach (var p in year)
            {
                var lines = new List<string> { PlacementSentence(p), $"Målgrupp: {p.TargetGroup}." };
                if (PlacementSummary.Of([p]).OutcomeSentence() is { Length: > 0 } outcome)
                    lines.Add($"Utfall: {outcome}");
                if (p.Note is { Length: > 0 } note)
                    lines.Add($"Anmärkning: {note}");
                document.Paragraph(TextSpan.Strong(_names.OrganisationOf(p.Kommunkod)));
                document.BulletList(lines);
            }
        }

        var total = PlacementSummary.Of(placements);
        document.Heading(first == last ? $"Sammanfattning individinriktade insatser {first}" : $"Sammanfattning individinriktade insatser {first}–{last}", 2);
        var rows = placements.Select(p => (IReadOnlyList<TableCell>)
        [
            p.Year.ToString(SwedishFormat.Culture), _names.Of(p.Kommunkod), N(p.PlacesGranted), N(p.Use?.PlacesUsed ?? 0),
            N(p.Use?.ParticipantsWomen ?? 0), N(p.Use?.ParticipantsMen ?? 0),
        ]).ToList();
        rows.Add([new("Summa", Bold: true), new("", Bold: true), new(N(total.Granted), Bold: true), new(N(total.Used), Bold: true), new(N(total.Women), Bold: true), new(N(total.Men), Bold: true)]);
        document.Table(new TableSpec(
            [new TableColumn("År", 10), new TableColumn("Kommun", 30), new TableColumn("Beviljade platser", 15, ColumnAlignment.Right),
             new TableColumn("Nyttjade platser", 15, ColumnAlignment.Right), new TableColumn("Kvinnor", 15, ColumnAlignment.Right), new TableColumn("Män", 15, ColumnAlignment.Right)],
            rows,
            "Placeringar per år och kommun"));
        document.Paragraph(SummarySentence(total));
        if (total.OutcomeSentence() is { Length: > 0 } outcomes)
            document.Paragraph($"Utfall för de nyttjade placeringarna: {outcomes}");
        if (total.Granted > 0)
            document.Paragraph($"Nyttjandegraden blev {SwedishFormat.Percent((decimal)total.Used / total.Granted)} av de beviljade platserna" +
                (total.Participants > 0 ? $", och {SwedishFormat.Percent((decimal)(total.Work + total.Studies) / total.Participants)} av deltagarna gick vidare till arbete eller studier." : "."));
        if (!CoversWholePeriod)
            return;
        if (_texts.Lessons is { Length: > 0 } lessons)
            StoredText.Write(document, lessons);
        else
            Missing(document, "Insatsens erfarenheter och lärdomar av de individinriktade insatserna finns inte registrerade.");
    }

    /// <summary>"Totalt beviljades medel för 23 handledda placeringar, varav 11 nyttjades av 11 deltagare (9 kvinnor och 2 män)."</summary>
    public static string SummarySentence(PlacementSummary total) =>
        $"Totalt beviljades medel för {SwedishText.Count(total.Granted, "handledd placering", "handledda placeringar")}, varav {SwedishFormat.Number(total.Used)} nyttjades av " +
        $"{SwedishText.Count(total.Participants, "deltagare", "deltagare")} ({SwedishText.Count(total.Women, "kvinna", "kvinnor")} och {SwedishText.Count(total.Men, "man", "män")}).";

    private string PlacementSentence(Placement p)
    {
        var used = p.Use?.PlacesUsed ?? 0;
        var sentence = $"{_names.OrganisationOf(p.Kommunkod)} beviljades medel för {SwedishText.Count(p.PlacesGranted, "plats", "platser")}, {SwedishText.Count(used, "plats", "platser")} nyttjades";
        if (p.Use is { Participants: > 0 } use)
        {
            var sexes = new List<string>();
            if (use.ParticipantsWomen > 0) sexes.Add(SwedishText.Count(use.ParticipantsWomen, "kvinna", "kvinnor"));
            if (use.ParticipantsMen > 0) sexes.Add(SwedishText.Count(use.ParticipantsMen, "man", "män"));
            sentence += sexes.Count > 0 ? $" av {SwedishText.Join(sexes)}" : "";
        }
        return sentence + ".";
    }

    public void WriteStructuralTrack(IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var years = Years.ToList();
        if (years.Count == 0)
            return;
        document.Heading($"Strukturinriktade insatser {years[0]}–{years[^1]}");
        document.Paragraph("Syftet med den strukturinriktade insatsen var att öka kunskap och kännedom om ASF, så att parternas nyttjande av ASF:s tjänster för arbetsträning och rehabilitering skulle öka.");
        foreach (var year in years)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document.Heading(year.ToString(SwedishFormat.Culture), 2);
            // A year's narrative speaks of the whole year: shown once the year is over at the report's date.
            var yearDone = new DateOnly(year, 12, 31) <= _end || CoversWholePeriod;
            var narrative = yearDone ? _texts.Year(year) : null;
            if (narrative is not null)
                StoredText.Write(document, narrative);
            // Dated milestones in date order, then those the sources date only by their year (in the order recorded).
            var milestones = context.Insats!.Milestones.Where(m => m.Year == year && (m.Date is { } d ? d <= _end : yearDone))
                .OrderBy(m => m.Date is null).ThenBy(m => m.Date).ToList();
            foreach (var milestone in milestones)
                document.Paragraph(milestone.Text);
            if (narrative is null && milestones.Count == 0)
                Missing(document, $"Ingen berättelse finns registrerad för {year}.");

            var municipal = context.Municipalities
                .SelectMany(m => m.Milestones.Where(x => x.Date.Year == year).Select(x => (m.Name, Milestone: x)))
                .OrderBy(x => x.Milestone.Date).ThenBy(x => x.Name, StringComparer.Ordinal)
                .Select(x => $"{x.Name}: {x.Milestone.Title}")
                .ToList();
            if (municipal.Count > 0)
            {
                document.Paragraph(TextSpan.Strong("Kommunala milstolpar under året"));
                document.BulletList(municipal);
            }

            var events = context.Events.Where(e => e.Date.Year == year && e.Date <= _end).ToList();
            if (events.Count > 0)
            {
                var byType = events.GroupBy(e => e.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                    .Select(g => SwedishText.Count(g.Count(), g.Key));
                document.Paragraph($"Registrerade aktiviteter under året: {events.Count} ({SwedishText.Join(byType)}).");
            }

            if (Surveys.FirstOrDefault(s => s.Year == year) is { } survey)
                foreach (var sentence in SurveySentences(survey, _subregions))
                    document.Paragraph(sentence);
        }
        WriteStructuralSummary(document);
    }

    /// <summary>The survey's figures as the final report states them, each total computed from its parts.</summary>
    public static IReadOnlyList<string> SurveySentences(CountySurvey s, SubregionNames subregions)
    {
        var sentences = new List<string>();
        if (s.PeopleInformed is { } informed)
            sentences.Add($"Registrerat antal individer i målgruppen som fått information under året var {SwedishText.Count(informed, "person", "personer")}.");
        sentences.Add(
            $"{SwedishText.Season(s.Date)} fanns {SwedishFormat.Number(s.Companies)} registrerade företag med sammantaget {SwedishText.Count(s.Employed, "person", "personer")} anställda. " +
            $"Könsfördelningen bland de anställda var {SwedishText.Count(s.EmployedWomen, "kvinna", "kvinnor")} och {SwedishText.Count(s.EmployedMen, "man", "män")}. " +
            $"I företagen var då {SwedishText.Count(s.Participants, "person", "personer")} placerade i olika åtgärder enligt följande fördelning: " +
            $"Arbetsförmedlingen {SwedishText.Count(s.ParticipantsAf, "person", "personer")}, kommunen {SwedishText.Count(s.ParticipantsMunicipality, "person", "personer")}, " +
            $"övriga (utan ersättning) {SwedishText.Count(s.ParticipantsOther, "person", "personer")}.");
        if (s.CompaniesBySubregion.Count > 0)
            sentences.Add("Fördelningen per delregion var " + SwedishText.Join(s.CompaniesBySubregion
                .Select(c => $"{SwedishFormat.Number(c.Companies)} företag i {subregions.Of(c.Subregion)}")) + ".");
        return sentences;
    }

    private void WriteStructuralSummary(IDocumentBuilder document)
    {
        var surveys = Surveys;
        if (surveys.Count == 0)
            return;
        var years = surveys.Select(s => s.Year.ToString(SwedishFormat.Culture)).ToList();
        var span = $"{years[0]}–{years[^1]}";
        document.Heading($"Sammanfattning strukturinriktade insatser {span}", 2);
        if (CoversWholePeriod)
        {
            if (_texts.StructuralSummary is { Length: > 0 } summary)
                StoredText.Write(document, summary);
            else
                Missing(document, "Insatsens egen sammanfattning av de strukturinriktade insatserna finns inte registrerad.");
        }

        var rows = surveys.Select(s => (IReadOnlyList<TableCell>)
            [s.Year.ToString(SwedishFormat.Culture), N(s.Companies), N(s.Employed), N(s.EmployedWomen), N(s.EmployedMen), N(s.Participants), s.PeopleInformed is { } i ? N(i) : "–"]).ToList();
        document.Table(new TableSpec(
            [new TableColumn("År", 10), new TableColumn("Företag", 14, ColumnAlignment.Right), new TableColumn("Anställda", 15, ColumnAlignment.Right),
             new TableColumn("Kvinnor", 14, ColumnAlignment.Right), new TableColumn("Män", 14, ColumnAlignment.Right),
             new TableColumn("I åtgärd", 15, ColumnAlignment.Right), new TableColumn("Informerade", 18, ColumnAlignment.Right)],
            rows,
            "Länsuppföljningen år för år (summor beräknade ur delarna)"));

        var subregions = _subregions.Ordered(surveys.SelectMany(s => s.CompaniesBySubregion.Select(c => c.Subregion)));
        var companySeries = subregions.Select(r => new ChartSeries(_subregions.Of(r),
                surveys.Select(s => (double)s.CompaniesBySubregion.Where(c => c.Subregion == r).Sum(c => c.Companies)).ToList()))
            .Append(new ChartSeries("Totalt", surveys.Select(s => (double)s.Companies).ToList())).ToList();
        document.Chart(new ChartSpec(ChartKind.Bar, "Registrerade företag per år", years, companySeries,
            $"Stapeldiagram: registrerade ASF per år {span} per delregion och totalt; totalt {SwedishText.Join(surveys.Select(s => $"{s.Year}: {s.Companies}"))}.", "Antal företag"));
        document.Chart(new ChartSpec(ChartKind.Bar, "Anställda i ASF per år, kvinnor och män", years,
            [new("Kvinnor", surveys.Select(s => (double)s.EmployedWomen).ToList()), new("Män", surveys.Select(s => (double)s.EmployedMen).ToList())],
            $"Stapeldiagram: anställda kvinnor och män per år {span}; anställda totalt {SwedishText.Join(surveys.Select(s => $"{s.Year}: {s.Employed}"))}.", "Antal anställda"));
        document.Chart(new ChartSpec(ChartKind.Bar, "Personer i åtgärd per remittent och år", years,
            [new("Arbetsförmedlingen", surveys.Select(s => (double)s.ParticipantsAf).ToList()),
             new("Kommunen", surveys.Select(s => (double)s.ParticipantsMunicipality).ToList()),
             new("Övriga (utan ersättning)", surveys.Select(s => (double)s.ParticipantsOther).ToList())],
            $"Stapeldiagram: personer i åtgärd per remittent och år {span}; totalt {SwedishText.Join(surveys.Select(s => $"{s.Year}: {s.Participants}"))}.", "Antal personer"));
        var informedYears = surveys.Where(s => s.PeopleInformed is not null).ToList();
        if (informedYears.Count > 0)
        {
            document.Chart(new ChartSpec(ChartKind.Line, "Personer som fått information om ASF per år",
                informedYears.Select(s => s.Year.ToString(SwedishFormat.Culture)).ToList(),
                [new("Informerade personer", informedYears.Select(s => (double)s.PeopleInformed!.Value).ToList())],
                $"Linjediagram: personer i målgruppen som fått information per år; {SwedishText.Join(informedYears.Select(s => $"{s.Year}: {s.PeopleInformed}"))}.", "Antal personer"));
            document.Paragraph(
                $"Totalt registrerat antal individer som fått information om ASF över perioden är {SwedishText.Count(informedYears.Sum(s => s.PeopleInformed!.Value), "person", "personer")} (summan av årens uppgifter {span}).");
        }
    }

    public void WriteGoalAchievement(IDocumentBuilder document)
    {
        document.Heading("Måluppfyllelse");
        var plans = context.Plans.Where(p => p.Exists && p.Indicators.Count > 0).OrderBy(p => p.Year).ToList();
        if (plans.Count == 0)
        {
            document.Paragraph("Det finns inga handlingsplaner med indikatorer registrerade för insatsen.");
            return;
        }
        document.Paragraph("Indikatorerna i årens handlingsplaner, med utfall och status vid planårets slut (eller rapportdagen), beräknade ur registrerade uppgifter.");
        foreach (var plan in plans)
        {
            var definitions = plan.Content!.Indicators.ToDictionary(d => d.Id);
            document.Heading($"Handlingsplan {plan.Year}", 2);
            var achieved = plan.Indicators.Count(i => i.Status == IndicatorStatus.Achieved);
            document.Paragraph($"Per {SwedishFormat.Date(plan.AsOf)} var {achieved} av {plan.Indicators.Count} indikatorer uppnådda.");
            var rows = plan.Indicators.Select(e => (IReadOnlyList<TableCell>)
            [
                e.Title,
                definitions.TryGetValue(e.IndicatorId, out var d) ? IndicatorText.Target(d) : SwedishFormat.Number(e.Target),
                IndicatorText.Outcome(e, definitions.GetValueOrDefault(e.IndicatorId)?.Unit),
                TableCell.Badge(e),
            ]).ToList();
            document.Table(new TableSpec(
                [new TableColumn("Indikator", 40), new TableColumn("Målbild", 20), new TableColumn("Utfall", 22, ColumnAlignment.Right), new TableColumn("Status", 18, ColumnAlignment.Center)],
                rows,
                $"Måluppfyllelse handlingsplan {plan.Year} per {SwedishFormat.Date(plan.AsOf)}"));
        }
    }

    public void WriteAnalysis(IDocumentBuilder document)
    {
        document.Heading("Analys");
        if (!CoversWholePeriod)
            Missing(document, $"Insatsens analys och slutsatser skrivs när insatsen är avslutad; rapporten avser perioden till och med {SwedishFormat.Date(_end)}.");
        else
        {
            if (_texts.Analysis is { Length: > 0 } analysis)
                StoredText.Write(document, analysis, subheadingLevel: 2);
            else
                Missing(document, "Insatsens analys finns inte registrerad.");
            document.Heading("Slutsatser");
            if (_texts.Conclusions is { Length: > 0 } conclusions)
                StoredText.Write(document, conclusions, subheadingLevel: 2);
            else
                Missing(document, "Insatsens slutsatser finns inte registrerade.");
        }
        document.Heading("Vad de registrerade uppgifterna visar");
        var findings = new List<string>();
        var surveys = Surveys;
        if (surveys.Count >= 2)
        {
            var (a, b) = (surveys[0], surveys[^1]);
            findings.Add($"Antalet registrerade företag {SwedishText.Change(a.Companies, b.Companies)} mellan {a.Year} och {b.Year}.");
            findings.Add($"Antalet anställda i företagen {SwedishText.Change(a.Employed, b.Employed)}; andelen kvinnor bland de anställda var {SwedishFormat.Percent((decimal)b.EmployedWomen / Math.Max(1, b.Employed))} {b.Year}.");
            findings.Add($"Antalet personer i åtgärd i företagen {SwedishText.Change(a.Participants, b.Participants)}; högst var det {surveys.MaxBy(s => s.Participants)!.Year} med {SwedishFormat.Number(surveys.Max(s => s.Participants))}.");
        }
        if (surveys.Where(s => s.PeopleInformed is not null).ToList() is { Count: > 0 } informed)
            findings.Add($"Flest personer fick information om ASF {informed.MaxBy(s => s.PeopleInformed)!.Year} ({SwedishFormat.Number(informed.Max(s => s.PeopleInformed!.Value))}); över perioden sammanlagt {SwedishFormat.Number(informed.Sum(s => s.PeopleInformed!.Value))}.");
        var placements = PlacementSummary.Of(Placements);
        if (placements.Granted > 0)
            findings.Add($"Av {SwedishFormat.Number(placements.Granted)} beviljade platser nyttjades {SwedishFormat.Number(placements.Used)} ({SwedishFormat.Percent((decimal)placements.Used / placements.Granted)}); {SwedishFormat.Number(placements.Work + placements.Studies)} av {SwedishFormat.Number(placements.Participants)} deltagare gick vidare till arbete eller studier.");
        var municipal = context.Municipalities.SelectMany(m => m.Milestones.Where(x => x.Date >= insats.PeriodStart && x.Date <= _end).Select(x => (m.Name, x.Kind))).ToList();
        if (municipal.Count > 0)
            findings.Add($"Under insatsperioden registrerades {SwedishText.Count(municipal.Count, "kommunal milstolpe", "kommunala milstolpar")} i {SwedishText.Count(municipal.Select(m => m.Name).Distinct().Count(), "kommun", "kommuner")}, bl.a. " +
                SwedishText.Join(municipal.GroupBy(m => m.Kind).OrderByDescending(g => g.Count()).Take(3).Select(g => $"{SwedishNames.Of(g.Key).ToLowerInvariant()} ({g.Count()})")) + ".");
        var indicators = context.Plans.Where(p => p.Exists).SelectMany(p => p.Indicators).ToList();
        if (indicators.Count > 0)
            findings.Add($"Av handlingsplanernas {indicators.Count} indikatorer uppnåddes {indicators.Count(i => i.Status == IndicatorStatus.Achieved)}; {indicators.Count(i => i.Status == IndicatorStatus.NoData)} saknar underlag för att kunna bedömas.");
        if (context.Findings.Count > 0)
            findings.Add($"{SwedishText.Count(context.Findings.Count, "uppgift", "uppgifter")} i underlaget {SwedishText.Form(context.Findings.Count, "skiljer", "skiljer")} sig från summan av sina delar (se bilaga 1); rapportens siffror bygger på delarna.");
        if (findings.Count == 0)
            document.Paragraph("Det finns ännu för få registrerade uppgifter för att beskriva en utveckling.");
        else
            document.BulletList(findings);
    }

    public void WriteFindings(IDocumentBuilder document)
    {
        document.PageBreak().Heading("Bilaga 1 – Datakvalitet", numbered: false);
        if (context.Findings.Count == 0)
        {
            document.Paragraph("Alla angivna summor i underlaget stämmer med summan av sina delar.");
            return;
        }
        document.Paragraph("Uppgifter som angetts som summor i källdokumenten och i insatsens egna texter jämförs med summan av de registrerade delarna, och utfall per kön med deltagarna per kön i varje kommun och år. Uppgifterna sparas som de angavs; rapporten använder de beräknade värdena. Skillnaderna nedan bör rättas i källan eller förklaras.");
        var rows = context.Findings.Select(f => (IReadOnlyList<TableCell>)
            [f.Kommunkod is { } code ? $"{f.Subject.Split(',')[0]}, {_names.Of(code)}" : f.Subject, FieldName(f.Field), SwedishFormat.Number(f.Stated), SwedishFormat.Number(f.Computed),
             new TableCell((f.Stated - f.Computed > 0 ? "+" : "") + SwedishFormat.Number(f.Stated - f.Computed), Bold: true)]).ToList();
        document.Table(new TableSpec(
            [new TableColumn("Uppgift", 40), new TableColumn("Avser", 18), new TableColumn("Angivet", 14, ColumnAlignment.Right),
             new TableColumn("Beräknat", 14, ColumnAlignment.Right), new TableColumn("Differens", 14, ColumnAlignment.Right)],
            rows,
            "Angivna summor som skiljer sig från summan av delarna"));
    }

    private static string FieldName(string field) => field switch
    {
        "foretag" => "Företag",
        "anstallda" => "Anställda",
        "deltagare" => "Deltagare",
        nameof(MetricKind.PlacesGranted) => "Beviljade platser",
        nameof(MetricKind.PlacesUsed) => "Nyttjade platser",
        nameof(MetricKind.PlacementParticipants) => "Deltagare",
        nameof(MetricKind.PeopleInformed) => "Informerade",
        nameof(MetricKind.PlacementOutcomeWork) => "Utfall arbete",
        nameof(MetricKind.PlacementOutcomeAf) => "Utfall AF",
        nameof(MetricKind.PlacementOutcomeBackToPublicSupport) => "Utfall åter",
        "utfall-man" => "Utfall för män",
        "utfall-kvinnor" => "Utfall för kvinnor",
        "beviljade" => "Beviljade platser",
        "nyttjade" => "Nyttjade platser",
        _ => field,
    };

    private static string N(int value) => SwedishFormat.Number(value);
}
