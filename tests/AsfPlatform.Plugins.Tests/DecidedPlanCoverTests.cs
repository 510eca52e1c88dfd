using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;
using AsfPlatform.Plugins.Handlingsplan;
using AsfPlatform.Reporting;
using AsfPlatform.Reporting.Word;

namespace AsfPlatform.Plugins.Tests;

/// <summary>A plan the board has decided is dated by its decision on the cover; the printing date stays "Utskriven".</summary>
[Collection(DatasetCollection.Name)]
public sealed class DecidedPlanCoverTests(DatasetFixture fixture)
{
    [Fact]
    public async Task A_plan_with_a_decision_date_gives_it_on_the_cover_as_Beslutad_instead_of_the_as_of_date()
    {
        var context = await fixture.ContextAsync(new ReportArguments(DatasetFixture.Owner, DatasetFixture.Insats, Year: 2017));
        var plan = context.Plan!;
        var decided = new WithPlan(context, plan with { Content = plan.Content! with { DecidedOn = new DateOnly(2016, 12, 15) } });

        var builder = new WordDocumentBuilder(DatasetFixture.GeneratedAt);
        await new HandlingsplanReport().RenderAsync(decided, builder, CancellationToken.None);
        var cover = new ReportDocument(builder.ToArray()).Paragraphs.TakeWhile(p => p != "Innehållsförteckning").ToList();

        Assert.Contains("Beslutad2016-12-15", cover);
        Assert.Contains("Utskriven" + SwedishFormat.Date(DatasetFixture.GeneratedAt), cover);
        Assert.DoesNotContain(cover, p => p.StartsWith("Läget per", StringComparison.Ordinal));
    }

    /// <summary>The dataset's context with another plan in it.</summary>
    private sealed class WithPlan(IReportContext inner, PlanSnapshot plan) : IReportContext
    {
        public ReportArguments Arguments => inner.Arguments;
        public DateTimeOffset GeneratedAt => inner.GeneratedAt;
        public OwnerSnapshot? Owner => inner.Owner;
        public InsatsSnapshot? Insats => inner.Insats;
        public PlanSnapshot? Plan => plan;
        public IReadOnlyList<IndicatorEvaluation> Indicators => inner.Indicators;
        public IReadOnlyList<PlanSnapshot> Plans => inner.Plans;
        public IReadOnlyList<InformationEvent> Events => inner.Events;
        public IReadOnlyList<Placement> Placements => inner.Placements;
        public IReadOnlyList<MunicipalitySnapshot> Municipalities => inner.Municipalities;
        public IReadOnlyList<CompanySnapshot> Companies => inner.Companies;
        public IReadOnlyList<SurveySnapshot> Surveys => inner.Surveys;
        public IReadOnlyList<DataQualityFinding> Findings => inner.Findings;
    }
}
