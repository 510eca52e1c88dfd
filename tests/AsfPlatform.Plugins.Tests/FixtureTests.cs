using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

[Collection(DatasetCollection.Name)]
public sealed class FixtureTests(DatasetFixture fixture)
{
    [Fact]
    public void The_catalog_finds_the_built_in_plugins_beside_the_tests()
    {
        Assert.Empty(fixture.Catalog.Problems);
        Assert.Contains(fixture.Catalog.Reports, r => r.Id == "handlingsplan");
        Assert.Contains(fixture.Catalog.Reports, r => r.Id == "slutrapport");
    }

    [Fact]
    public async Task The_context_holds_the_loaded_insats_its_plan_and_the_indicators_as_of_the_year_end()
    {
        var context = await fixture.ContextAsync(new ReportArguments(DatasetFixture.Owner, DatasetFixture.Insats, 2017));
        Assert.NotNull(context.Owner);
        Assert.NotNull(context.Insats?.Insats);
        Assert.Equal(2017, context.Plan?.Year);
        Assert.Equal(new DateOnly(2017, 12, 31), context.AsOf);
        Assert.Equal(context.Plan!.Content!.Indicators.Count, context.Indicators.Count);
        Assert.All(context.Indicators, i => Assert.Equal(context.AsOf, i.AsOf));
        Assert.NotEmpty(context.Placements);
        Assert.NotEmpty(context.Surveys);
        // Every finding of the dataset is about 2018 or later, so none is known at the end of 2017; the whole insats has them.
        Assert.Empty(context.Findings);
        Assert.NotEmpty((await fixture.ContextAsync(new ReportArguments(DatasetFixture.Owner, DatasetFixture.Insats))).Findings);
        Assert.Equal(10, context.Municipalities.Count);
    }

    [Fact]
    public async Task An_unknown_owner_gives_a_context_without_data()
    {
        var context = await fixture.ContextAsync(new ReportArguments("finns-inte", DatasetFixture.Insats, 2017));
        Assert.Null(context.Owner);
        Assert.Null(context.Plan);
        Assert.Empty(context.Placements);
    }
}
