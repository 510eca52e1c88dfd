using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Grains.Tests;

/// <summary>Creating, closing and copying: the grain side of the ASF register, insatser and new plans.</summary>
public class RegisterGrainTests
{
    [Fact]
    public async Task A_create_only_registration_refuses_a_company_that_exists_and_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync(companies: 1);
        var before = await host.Company("asf-00").GetSnapshot();

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            host.Company("asf-00").Register(new RegisterCompany(TestHost.NewCompany("asf-00") with { Name = "Annat" }, CreateOnly: true)));

        Assert.Equal((before.Version, before.Company!.Name), ((await host.Company("asf-00").GetSnapshot()).Version, "Företag asf-00"));
        Assert.Contains("asf-00", (await host.Directory.GetSnapshot()).Companies);
    }

    [Fact]
    public async Task Closing_a_company_keeps_its_figures_and_it_no_longer_counts_as_active_after_the_date()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync(companies: 2);
        var plan = TestHost.PlanContent with
        {
            Indicators = [new("asf", "Aktiva ASF", IndicatorKind.StockAtDate, new(MetricKind.RegisteredCompanies), 3, TestHost.Dec31)],
        };
        await host.Plan().Save(new SavePlan(plan, (await host.Plan().GetSnapshot()).Version));
        Assert.Equal(2m, (await host.Plan().Evaluate(TestHost.Dec31)).Single().Value);

        var closed = await host.Company("asf-01").Close(new CloseCompany(new(2017, 6, 30)));

        Assert.Equal(new DateOnly(2017, 6, 30), closed.Company!.RegisteredTo);
        Assert.Single(closed.Figures);
        Assert.Equal(1m, (await host.Plan().Evaluate(TestHost.Dec31)).Single().Value);
        Assert.Equal(2m, (await host.Plan().Evaluate(new(2017, 6, 1))).Single().Value);
        await Assert.ThrowsAsync<ValidationException>(() => host.Company("asf-01").Close(new CloseCompany(new(2009, 1, 1))));
    }

    [Fact]
    public async Task A_closed_insats_refuses_facts_dated_after_closing_and_a_redefinition_keeps_it_closed()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var closed = await host.Insats.Close(new CloseInsats(new(2017, 9, 30)));

        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("tidig", new(2017, 9, 30))));
        var late = await Assert.ThrowsAsync<ValidationException>(() =>
            host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("sen", new(2017, 10, 1)))));
        var placement = await Assert.ThrowsAsync<ValidationException>(() =>
            host.Insats.RecordPlacement(new RecordPlacement(new Placement("p", 2018, "2184", 1, "Unga", 100))));
        var redefined = await host.Insats.Define(new DefineInsats(closed.Insats! with { ClosedOn = null, Title = "Nytt namn" }));
        var plan = await Assert.ThrowsAsync<ValidationException>(() => host.Plan(2018).Create(new CreatePlan(PlanTemplates.Empty(2018))));

        Assert.Contains(late.Errors, e => e.Field == "datum" && e.Message.Contains("avslutades 2017-09-30"));
        Assert.Contains(placement.Errors, e => e.Field == "ar");
        Assert.Equal(("Nytt namn", new DateOnly(2017, 9, 30)), (redefined.Insats!.Title, redefined.Insats.ClosedOn!.Value));
        Assert.Equal("ar", plan.Errors.Single().Field);
        Assert.Equal(1, (await host.Insats.GetSnapshot()).EventCount);
    }

    [Fact]
    public async Task An_insats_closes_only_inside_its_period_and_a_create_only_definition_refuses_an_existing_one()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var insats = (await host.Insats.GetSnapshot()).Insats!;

        var outside = await Assert.ThrowsAsync<ValidationException>(() => host.Insats.Close(new CloseInsats(new(2019, 1, 1))));
        await Assert.ThrowsAsync<AlreadyExistsException>(() => host.Insats.Define(new DefineInsats(insats, CreateOnly: true)));

        Assert.Equal("avslutad", outside.Errors.Single().Field);
        Assert.Null((await host.Insats.GetSnapshot()).Insats!.ClosedOn);
    }

    [Fact]
    public async Task Creating_a_plan_refuses_a_year_that_has_one_and_stores_a_new_year_with_its_content()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();

        await Assert.ThrowsAsync<AlreadyExistsException>(() => host.Plan().Create(new CreatePlan(PlanTemplates.Empty(2017))));
        var created = await host.Plan(2018).Create(new CreatePlan(PlanTemplates.Template(2018)));

        Assert.Equal(TestHost.PlanContent.Title, (await host.Plan().GetSnapshot()).Content!.Title);
        Assert.Equal(PlanTemplates.Sections, created.Content!.Sections);
        Assert.Contains(GrainKeys.Plan(TestHost.Owner, TestHost.InsatsId, 2018), (await host.Directory.GetSnapshot()).Plans);
    }

    [Fact]
    public async Task Next_years_indicators_start_from_this_years_outcome()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync(companies: 2);
        await host.Insats.RecordPlacement(new RecordPlacement(new Placement("p1", 2017, "2184", 4, "Unga", 200,
            new PlacementUse(4, 4, 2, 2), new PlacementOutcomes(Work: 1))));
        var outcome = (await host.Plan().Evaluate(TestHost.Dec31)).ToDictionary(i => i.IndicatorId);

        var next = await host.Plan().CreateNextYear();

        var employed = next.Content!.Indicators.Single(i => i.Id == "employed");
        var rate = next.Content.Indicators.Single(i => i.Id == "outcome");
        Assert.Equal((TestHost.Dec31, (decimal?)null), (employed.BaselineDate!.Value, employed.BaselineValue)); // measured there
        Assert.Equal(outcome["employed"].Value, (await host.Plan(2018).Evaluate(new(2018, 6, 30))).Single(i => i.IndicatorId == "employed").Baseline);
        Assert.Equal(25m, outcome["outcome"].Value);
        Assert.Equal((TestHost.Dec31, 25m), (rate.BaselineDate!.Value, rate.BaselineValue!.Value));
    }
}
