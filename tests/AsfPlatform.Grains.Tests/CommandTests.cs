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
    public async Task A_stale_event_version_fails_with_a_swedish_message_and_other_events_do_not_make_it_stale()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var e1 = await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1)), CreateOnly: true));
        await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e2", new(2017, 3, 2)), CreateOnly: true));
        var updated = await host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1)) with { Title = "Ny" }, e1.Version));

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.Insats.SaveEvent(new RecordInformationEvent(TestHost.Event("e1", new(2017, 3, 1)) with { Title = "Sen" }, e1.Version)));

        Assert.Contains("ändrats av någon annan", ex.Message);
        Assert.Equal((1L, 2L), (e1.Version, updated.Version));
        var stored = await host.Insats.GetEvent("e1");
        Assert.Equal(("Ny", 2L), (stored.Event!.Title, stored.Version));
    }

    [Fact]
    public async Task Every_event_update_returns_its_new_version_a_repeat_changes_nothing_and_the_insats_version_stays()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var insats = await host.Insats.GetSnapshot();
        var e = TestHost.Event("e1", new(2017, 3, 1));
        var first = await host.Insats.SaveEvent(new RecordInformationEvent(e));
        var again = await host.Insats.RecordEvent(new RecordInformationEvent(e));
        var changed = await host.Insats.SaveEvent(new RecordInformationEvent(e with { Title = "Nytt namn" }));

        Assert.Equal((1L, 1, 2L), (first.Version, again.EventCount, changed.Version));
        Assert.Equal(insats.Version, (await host.Insats.GetSnapshot()).Version);
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

    [Fact]
    public async Task A_survey_counting_companies_in_a_subregion_the_owner_has_not_named_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        await host.SeedAsync();
        var survey = new CountySurvey(2018, new(2018, 10, 1), [new("Norrbotten", 20)], null, 1, 1, null, 0, 0, 0, null, null);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => host.Directory.RecordSurvey(new RecordCountySurvey(survey)));

        Assert.Equal("foretagPerDelregion", Assert.Single(refused.Errors).Field);
        Assert.Empty((await host.Directory.GetSnapshot()).SurveyYears);
    }

    [Fact]
    public async Task An_owner_created_with_a_profile_joins_the_owner_list_and_a_second_create_of_its_id_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        var profile = new OwnerProfile("Finsam Norr", OwnerKind.Samordningsforbund, "2021005489", [new("norr", "Norra delen")],
            [new(PartnerKind.AF, "af", "Arbetsförmedlingen")]);
        var directory = host.Grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner("finsam-norr"));

        var created = await directory.SaveProfile(new SaveOwnerProfile(profile, CreateOnly: true));

        Assert.Equal(("Finsam Norr", "202100-5489"), (created.Name, created.OrganisationNumber));
        Assert.Contains("finsam-norr", await host.Grains.GetGrain<IOwnerListGrain>(GrainKeys.OwnerList).GetOwners());
        await Assert.ThrowsAsync<AlreadyExistsException>(() => directory.SaveProfile(new SaveOwnerProfile(profile with { Name = "Annan" }, CreateOnly: true)));
        Assert.Equal("Finsam Norr", (await directory.GetSnapshot()).Name);
    }
}
