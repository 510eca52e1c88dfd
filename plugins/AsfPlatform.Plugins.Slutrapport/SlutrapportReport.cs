using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Slutrapport;

/// <summary>
/// The final report of an insats, laid out as the association's own (seed 003): the assignment, the background,
/// the individual track per year and municipality with a summary computed from the placements, the structural
/// track per year with its milestones and the county survey's figures written out as sentences, charts of the
/// yearly series, goal achievement from the plans' indicators, what the data shows, and an appendix of stated
/// figures that differ from their parts. Every figure is computed from the recorded facts.
/// </summary>
public sealed class SlutrapportReport : IReportPlugin
{
    /// <inheritdoc />
    public string Id => "slutrapport";

    /// <inheritdoc />
    public string Title => "Slutrapport";

    /// <inheritdoc />
    public string Description => "Slutrapport för en insats: uppdrag, bakgrund, individ- och strukturinriktade insatser år för år med beräknade siffror och diagram, måluppfyllelse, analys och datakvalitet.";

    /// <inheritdoc />
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        ReportParameter.Optional(ReportParameterKind.AsOfDate, "Datum som rapporten avser; standard är dagens datum (uppgifter efter insatsens slut tas inte med)."),
    ];

    /// <inheritdoc />
    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var owner = context.Owner?.Name ?? context.Arguments.Owner;
        if (context.Insats?.Insats is not { } insats)
        {
            document.CoverPage(new CoverPage("Slutrapport", Owner: owner, Date: context.AsOf))
                .Heading("Insatsen saknas", numbered: false)
                .Paragraph($"Insatsen \"{context.Arguments.Insats}\" finns inte registrerad hos {owner}.");
            return Task.CompletedTask;
        }

        var report = new FinalReport(context, insats);
        document.CoverPage(new CoverPage(
                Title: "Slutrapport",
                Subtitle: insats.Title,
                Owner: owner,
                Period: SwedishFormat.Period(insats.PeriodStart, insats.PeriodEnd),
                Date: report.End))
            .TableOfContents();
        report.WriteAssignment(document);
        report.WriteBackground(document);
        cancellationToken.ThrowIfCancellationRequested();
        report.WriteIndividualTrack(document);
        report.WriteStructuralTrack(document, cancellationToken);
        report.WriteGoalAchievement(document);
        report.WriteAnalysis(document);
        report.WriteFindings(document);
        return Task.CompletedTask;
    }
}
