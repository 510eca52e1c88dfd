using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Handlingsplan;

/// <summary>
/// The yearly handlingsplan of an insats, laid out as the association's own plans (seed 001): numbered sections
/// from the plan's stored texts with the goals, budget and organisation from its structured content; Bilaga 1 the
/// activity plan per process goal; Bilaga 2 the indicators with baseline, målbild and — once the year has begun —
/// the value and status as of the report date, computed from the facts.
/// </summary>
public sealed class HandlingsplanReport : IReportPlugin
{
    /// <inheritdoc />
    public string Id => "handlingsplan";

    /// <inheritdoc />
    public string Title => "Handlingsplan";

    /// <inheritdoc />
    public string Description => "Årets handlingsplan för en insats: bakgrund, mål, budget, organisation, aktivitetsplan och indikatorer med målbild och läget per datum.";

    /// <inheritdoc />
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        ReportParameter.Require(ReportParameterKind.Year),
        ReportParameter.Optional(ReportParameterKind.AsOfDate, "Datum som läget redovisas per; standard är årets slut eller dagens datum om det är tidigare."),
    ];

    /// <inheritdoc />
    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var year = context.Arguments.Year!.Value;
        var owner = context.Owner?.Name ?? context.Arguments.Owner;
        if (context.Plan?.Content is not { } plan)
        {
            // Say so in the document rather than fail: the officer sees at once what is missing.
            document.CoverPage(new CoverPage($"Handlingsplan {year}", context.Insats?.Insats?.Title, owner, YearPeriod(year), context.AsOf, DateLabel: AsOfLabel))
                .Heading("Handlingsplan saknas", numbered: false)
                .Paragraph($"Det finns ingen handlingsplan för {year} registrerad för insatsen \"{context.Arguments.Insats}\" hos {owner}.");
            return Task.CompletedTask;
        }

        var layout = new PlanLayout(context, plan, year);
        document.CoverPage(new CoverPage(
                Title: $"Handlingsplan {year}",
                Subtitle: context.Insats?.Insats?.Title ?? plan.Title,
                Owner: owner,
                Period: YearPeriod(year),
                Date: plan.DecidedOn ?? context.AsOf,
                Version: $"{context.Plan.Version}",
                DateLabel: plan.DecidedOn is null ? AsOfLabel : DecidedLabel))
            .TableOfContents();
        layout.WriteSections(document, cancellationToken);
        layout.WriteActivityPlan(document, cancellationToken);
        layout.WriteIndicators(document);
        return Task.CompletedTask;
    }

    // A decided plan's date is its decision; an undecided one (or one whose decision is not recorded) names the date
    // its figures are given at rather than calling that the plan's date. The printing date is always "Utskriven".
    private const string AsOfLabel = "Läget per", DecidedLabel = "Beslutad";

    private static string YearPeriod(int year) => SwedishFormat.Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}

/// <summary>Writes one plan; holds what the parts share (the plan, the as-of date, which parts are written).</summary>
internal sealed class PlanLayout(IReportContext context, PlanContent plan, int year)
{
    private readonly DateOnly _asOf = context.AsOf;
    private bool _goalsWritten, _budgetWritten, _organisationWritten, _followUpWritten;

    /// <summary>Whether the year has begun at the as-of date, so there are values to report.</summary>
    private bool YearHasBegun => _asOf >= new DateOnly(year, 1, 1);

    public void WriteSections(IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var sections = plan.Sections.ToList();
        // The plan's own numbers when it gives them all (the editor shows the same, see SectionNumbering).
        var ownNumbers = SectionNumbering.UsesOwnNumbers(sections);
        for (var i = 0; i < sections.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var section = sections[i];
            var level = SectionNumbering.LevelOf(section);
            if (ownNumbers)
                document.NumberedHeading(SectionNumbering.Display(section.Number), section.Title, level);
            else
                document.Heading(section.Title, level);
            StoredText.Write(document, section.Text, subheadingLevel: Math.Min(level + 1, 3), ownNumbers);

            // Structured content goes at the end of the section it belongs to (after its last subsection).
            var top = section.Number.Split('.')[0];
            var lastOfTopSection = i == sections.Count - 1 || sections[i + 1].Number.Split('.')[0] != top;
            if (Is(section, "Processmål") || (lastOfTopSection && TopOf(sections, top)?.Title.Equals("Mål", StringComparison.CurrentCultureIgnoreCase) == true))
                WriteGoals(document);
            if (lastOfTopSection && Is(TopOf(sections, top), "Finansiering"))
                WriteBudget(document);
            if (lastOfTopSection && Is(TopOf(sections, top), "Organisation"))
                WriteOrganisation(document);
            if (lastOfTopSection && Is(TopOf(sections, top), "Uppföljning"))
                WriteFollowUp(document);
        }

        // A plan without these sections still shows its goals, budget and organisation, numbered after its own
        // sections when it numbers them itself.
        var next = ownNumbers ? sections.Max(s => int.TryParse(s.Number.Trim().TrimEnd('.').Split('.')[0], out var n) ? n : 0) : 0;
        void Top(string title)
        {
            if (ownNumbers) document.NumberedHeading($"{++next}.", title, 1);
            else document.Heading(title);
        }
        if (!_goalsWritten && plan.Goals.Count > 0) { Top("Processmål"); WriteGoals(document); }
        if (!_budgetWritten && plan.Budget.Count > 0) { Top("Finansiering"); WriteBudget(document); }
        if (!_organisationWritten && plan.Organisation.Count > 0) { Top("Organisation"); WriteOrganisation(document); }
        if (!_followUpWritten && plan.Indicators.Count > 0) { Top("Uppföljning"); WriteFollowUp(document); }
    }

    private static bool Is(PlanSection? section, string title) =>
        section is not null && section.Title.StartsWith(title, StringComparison.CurrentCultureIgnoreCase);

    private static PlanSection? TopOf(List<PlanSection> sections, string top) => sections.FirstOrDefault(s => s.Number == top);

    private void WriteGoals(IDocumentBuilder document)
    {
        if (_goalsWritten) return;
        _goalsWritten = true;
        foreach (var goal in plan.Goals)
            document.Paragraph(TextSpan.Strong($"Processmål {goal.Id}: "), goal.Text);
    }

    private void WriteBudget(IDocumentBuilder document)
    {
        if (_budgetWritten || plan.Budget.Count == 0) return;
        _budgetWritten = true;
        var rows = plan.Budget.Select(b => (IReadOnlyList<TableCell>)[b.Title, SwedishFormat.Money(b.Amount)]).ToList();
        rows.Add([new TableCell("Summa", Bold: true), new TableCell(SwedishFormat.Money(plan.BudgetTotal), Bold: true)]);
        document.Table(new TableSpec(
            [new TableColumn("Budgetpost", 70), new TableColumn("Belopp", 30, ColumnAlignment.Right)],
            rows,
            $"Kostnadsbudget {year}"));
        document.Paragraph($"Budgeten för {year} uppgår till sammanlagt {SwedishFormat.Money(plan.BudgetTotal)}.");
    }

    private void WriteOrganisation(IDocumentBuilder document)
    {
        if (_organisationWritten || plan.Organisation.Count == 0) return;
        _organisationWritten = true;
        // Roles by title only: the plan never names persons. A title that only repeats its role ("Processledare |
        // Processledare") says nothing, so it is left out, and a plan whose titles all repeat their roles lists roles alone.
        var roles = plan.Organisation.GroupBy(r => r.Role)
            .Select(g => (Role: g.Key, Titles: g.Select(r => r.Title).Where(t => !t.Equals(g.Key, StringComparison.CurrentCultureIgnoreCase)).Distinct().ToList()))
            .ToList();
        if (roles.All(r => r.Titles.Count == 0))
        {
            document.Table(new TableSpec([new TableColumn("Roll", 100)], roles.Select(r => (IReadOnlyList<TableCell>)[r.Role]).ToList(), "Organisation"));
            return;
        }
        var rows = roles.Select(r => (IReadOnlyList<TableCell>)[new TableCell(r.Role, Bold: true), string.Join(", ", r.Titles)]).ToList();
        document.Table(new TableSpec([new TableColumn("Roll", 30), new TableColumn("Funktion", 70)], rows, "Organisation"));
    }

    private void WriteFollowUp(IDocumentBuilder document)
    {
        if (_followUpWritten || plan.Indicators.Count == 0) return;
        _followUpWritten = true;
        if (!YearHasBegun)
        {
            document.Paragraph($"Planen följs upp med {SwedishText.Count(plan.Indicators.Count, "indikator", "indikatorer")} (bilaga 2). Utfall redovisas när verksamhetsåret {year} har börjat.");
            return;
        }
        document.Paragraph(
            TextSpan.Strong($"Läget per {SwedishFormat.Date(_asOf)}: "),
            $"av planens {SwedishText.Count(plan.Indicators.Count, "indikator", "indikatorer")} är {IndicatorText.StatusCounts(context.Indicators)}. Värdena beräknas ur registrerade uppgifter; se bilaga 2.");
    }

    public void WriteActivityPlan(IDocumentBuilder document, CancellationToken cancellationToken)
    {
        if (plan.Activities.Count == 0) return;
        document.PageBreak().Heading("Bilaga 1 – Aktivitetsplan", numbered: false);
        var known = plan.Goals.Select(g => g.Id).ToHashSet();
        var groups = plan.Goals.Select(g => (Title: $"Processmål {g.Id}", Text: (string?)g.Text, Activities: plan.Activities.Where(a => a.GoalId == g.Id).ToList()))
            .Append(("Övriga aktiviteter", null, plan.Activities.Where(a => !known.Contains(a.GoalId)).ToList()))
            .Where(g => g.Activities.Count > 0);
        foreach (var (title, text, activities) in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document.Heading(title, 2, numbered: false);
            if (text is not null)
                document.Paragraph(TextSpan.Emphasis(text));
            var rows = activities.Select(a => (IReadOnlyList<TableCell>)
                [a.Done ? $"{a.Activity} (genomförd)" : a.Activity, a.How, a.Responsible, a.When]).ToList();
            document.Table(new TableSpec(
                [new TableColumn("Aktivitet", 22), new TableColumn("Hur", 38), new TableColumn("Ansvarig", 24), new TableColumn("När", 16)],
                rows));
        }
    }

    public void WriteIndicators(IDocumentBuilder document)
    {
        if (plan.Indicators.Count == 0) return;
        document.PageBreak().Heading("Bilaga 2 – Indikatorer för att mäta måluppfyllelse och effekt av insatsen", numbered: false);
        var evaluations = context.Indicators.ToDictionary(e => e.IndicatorId);
        if (YearHasBegun)
        {
            document.Paragraph($"Utfall och status per {SwedishFormat.Date(_asOf)}, beräknade ur de registrerade uppgifterna (inga värden är inskrivna för hand).");
            var rows = plan.Indicators.Select(d =>
            {
                var e = evaluations.GetValueOrDefault(d.Id);
                return (IReadOnlyList<TableCell>)
                [
                    d.Title,
                    IndicatorText.Baseline(d, e),
                    IndicatorText.Target(d),
                    e is null ? "saknar data" : IndicatorText.Outcome(e, d.Unit) + (e.LatestFigure is { } at && IndicatorMeaning.FigureDate(e, context.Surveys) is not null ? $" per {SwedishFormat.Date(at)}" : ""),
                    e is null ? TableCell.Badge(IndicatorStatus.NoData) : TableCell.Badge(e),
                ];
            }).ToList();
            document.Table(new TableSpec(
                [new TableColumn("Indikator", 26), new TableColumn("Utgångsläge", 20), new TableColumn("Målbild", 20),
                 new TableColumn("Utfall", 19, ColumnAlignment.Right), new TableColumn("Status", 15, ColumnAlignment.Center)],
                rows,
                $"Indikatorer: utgångsläge, målbild och utfall per {SwedishFormat.Date(_asOf)}"));
        }
        else
        {
            document.Paragraph($"Verksamhetsåret {year} har inte börjat ({SwedishFormat.Date(_asOf)}); utfall redovisas när året har börjat.");
        }

        foreach (var d in plan.Indicators)
        {
            var e = evaluations.GetValueOrDefault(d.Id);
            document.Paragraph(TextSpan.Strong(d.Title));
            var lines = new List<string>
            {
                $"Utgångsläge: {IndicatorText.Baseline(d, e)}",
                $"Målbild: {d.TargetText ?? IndicatorText.Target(d)}",
            };
            if (d.GoalId is { } goal)
                lines.Add($"Processmål: {goal}");
            if (YearHasBegun && e is not null)
            {
                lines.Add(e.Status == IndicatorStatus.NoData
                    ? $"Utfall per {SwedishFormat.Date(_asOf)}: saknar data"
                    : $"Utfall per {SwedishFormat.Date(_asOf)}: {IndicatorText.Outcome(e, d.Unit)}"
                        + (IndicatorMeaning.FigureDate(e, context.Surveys) is { } figure ? $", {figure}" : "")
                        + $" – {IndicatorText.Status(e).ToLowerInvariant()}");
                lines.AddRange(e.Milestones.Select(m =>
                    $"Delmål {SwedishFormat.Date(m.Date)}: {IndicatorText.Value(e.Kind, m.Value, d.Unit)} mot {SwedishFormat.Number(m.Target, 1)}" +
                    (m.Met switch { true => " – uppnått", false => " – ej uppnått", null => " – ännu inte mätt" })));
                lines.Add($"Källa: {e.Source}");
            }
            if (d.Note is { Length: > 0 } note)
                lines.Add($"Kommentar: {note}");
            document.BulletList(lines);
        }
    }
}
