using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Grains.Tests;

public class CommandTests
{
    [Fact]
    public async Task An_invalid_command_is_rejected_naming_the_field_and_nothing_is_stored()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var before = await host.Insats.GetSnapshot();
        var bad = TestHost.Event("e1", new(2019, 3, 1)) with { Title = "Deltagare 19811218-9876" };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => host.Insats.RecordEvent(new RecordInformationEvent(bad)));

        Assert.Contains(ex.Errors, e => e.Field == "datum" && e.Message.Contains("utanför insatsens period"));
        Assert.Contains(ex.Errors, e => e.Field == "titel" && e.Message.Contains("personnummer"));
        var after = await host.Insats.GetSnapshot();
        Assert.Equal((before.Version, 0), (after.Version, after.EventCount));
    }

    [Fact]
    public async Task A_stale_expected_version_fails_with_a_swedish_message_and_leaves_the_state_intact()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var s1 = await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1))));
        await host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e2", new(2017, 4, 1)), s1.Version));

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.Insats.RecordEvent(new RecordInformationEvent(TestHost.Event("e3", new(2017, 5, 1)), s1.Version)));

        Assert.Contains("ändrats av någon annan", ex.Message);
        Assert.Equal(2, (await host.Insats.GetSnapshot()).EventCount);
    }

    [Fact]
    public async Task Every_update_returns_the_new_snapshot_with_a_higher_version_and_a_repeat_changes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var e = TestHost.Event("e1", new(2017, 3, 1));
        var first = await host.Insats.RecordEvent(new RecordInformationEvent(e));
        var again = await host.Insats.RecordEvent(new RecordInformationEvent(e));
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(1, again.EventCount);
        var changed = await host.Insats.RecordEvent(new RecordInformationEvent(e with { Title = "Nytt namn" }));
        Assert.Equal(first.Version + 1, changed.Version);
    }

    [Fact]
    public async Task A_company_snapshot_tells_its_municipality_and_figures_must_be_consistent()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var company = await host.Company("asf-a").Register(new RegisterCompany(TestHost.NewCompany("asf-a", "2182")));
        Assert.Equal("2182", company.Kommunkod);
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            host.Company("asf-a").RecordFigures(new RecordCompanyFigures(new(new(2017, 1, 1), 3, 2, 6, 0, 0, 0))));
        Assert.Equal("anstalldaTotalt", Assert.Single(ex.Errors).Field);
        Assert.Empty((await host.Company("asf-a").GetSnapshot()).Figures);
    }

    [Fact]
    public async Task Placements_with_more_used_places_than_granted_or_more_outcomes_than_participants_are_rejected()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var p = new Placement("p1", 2017, "2184", 2, "Psykisk ohälsa", 200, new(3, 3, 2, 1));
        await Assert.ThrowsAsync<ValidationException>(() => host.Insats.RecordPlacement(new RecordPlacement(p)));
        var q = p with { Use = new(2, 2, 1, 1), Outcomes = new(Work: 2, Af: 1) };
        await Assert.ThrowsAsync<ValidationException>(() => host.Insats.RecordPlacement(new RecordPlacement(q)));
        Assert.Empty(await host.Insats.GetPlacements());
    }

    [Fact]
    public async Task Next_years_plan_copies_sections_goals_indicators_and_only_the_unfinished_activities()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        await host.Plan().SetActivityDone(new SetActivityDone("a2", true));

        var next = await host.Plan().CreateNextYear();

        Assert.Equal(2018, next.Year);
        Assert.Equal("Handlingsplan 2018", next.Content!.Title);
        Assert.Equal(TestHost.PlanContent.Sections, next.Content.Sections);
        Assert.Equal(TestHost.PlanContent.Goals, next.Content.Goals);
        Assert.Equal(["a1"], next.Content.Activities.Select(a => a.Id));
        Assert.Equal(TestHost.PlanContent.Indicators.Select(i => i.Id), next.Content.Indicators.Select(i => i.Id));
        Assert.Equal(new DateOnly(2018, 12, 31), next.Content.Indicators[0].TargetDate);
        await Assert.ThrowsAsync<ValidationException>(() => host.Plan().CreateNextYear());
    }

    [Fact]
    public async Task Survey_totals_that_differ_from_their_parts_are_accepted_and_listed_as_findings()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var survey = new CountySurvey(2018, new(2018, 10, 1), [new(Subregion.Halsingland, 20), new(Subregion.Gastrikland, 10)], 30,
            113, 91, 204, 152, 74, 17, 244, 235);
        await host.Directory.RecordSurvey(new RecordCountySurvey(survey));
        var finding = Assert.Single(await host.Directory.GetDataQualityFindings());
        Assert.Equal((244m, 243m), (finding.Stated, finding.Computed));
    }
}
