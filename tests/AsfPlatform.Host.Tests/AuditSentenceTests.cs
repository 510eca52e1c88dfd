using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Pages.Historik;

namespace AsfPlatform.Host.Tests;

/// <summary>Each action the writers put in the audit log, read as a sentence (the writers' JSON, the writers' action texts).</summary>
public sealed class AuditSentenceTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static string? J(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    private static string Sentence(string type, string action, object? before, object? after, string subject = "Glädjeverket") =>
        AuditSentence.Of(new AuditEntry(1, DateTimeOffset.UnixEpoch, "anna", type, "finsam-gavleborg/x", action, J(before), J(after)),
            "Anna Andersson", new AuditSubject(subject, "/x")).Sentence;

    private static CompanyFigures Figures(int women) => new(new DateOnly(2018, 12, 31), women, 3, null, 1, 2, 0);

    private static readonly InformationEvent Seminar = new("k2183-abc123", new DateOnly(2017, 5, 5), EventType.Seminarium,
        "Seminarium om ASF", "2183", ["Coompanion"], new Audience(Employees: 14));

    private static readonly Placement Places = new("p-2018-1", 2018, "2183", 4, "Unga vuxna", 500m);

    [Fact]
    public void A_corrected_figure_names_the_field_the_company_and_both_values() =>
        Assert.Equal("Anna Andersson ändrade anställda kvinnor för Glädjeverket per 2018-12-31 från 4 till 5",
            Sentence(AuditEntityTypes.Company, "siffror registrerade per 2018-12-31", Figures(4), Figures(5)));

    [Fact]
    public void New_figures_are_registered_for_the_company_at_their_date() =>
        Assert.Equal("Anna Andersson registrerade siffror för Glädjeverket per 2018-12-31",
            Sentence(AuditEntityTypes.Company, "siffror registrerade per 2018-12-31", null, Figures(4)));

    [Fact]
    public void Removed_figures_name_the_company_and_the_date() =>
        Assert.Equal("Anna Andersson tog bort siffrorna för Glädjeverket per 2018-12-31",
            Sentence(AuditEntityTypes.Company, "siffror borttagna per 2018-12-31", Figures(4), null));

    [Theory]
    [InlineData("företag registrerat: Glädjeverket", "Anna Andersson registrerade företaget Glädjeverket")]
    [InlineData("företag avslutat per 2019-06-30", "Anna Andersson avslutade företaget Glädjeverket per 2019-06-30")]
    public void Company_registrations_and_closings_read_as_sentences(string action, string expected) =>
        Assert.Equal(expected, Sentence(AuditEntityTypes.Company, action, null, new { name = "Glädjeverket" }));

    [Fact]
    public void A_changed_company_with_one_field_says_which_in_Swedish_words() =>
        Assert.Equal("Anna Andersson ändrade företagsform för Glädjeverket från Ekonomisk förening till Aktiebolag",
            Sentence(AuditEntityTypes.Company, "företag ändrat: Glädjeverket",
                new { name = "Glädjeverket", legalForm = "EkonomiskForening" }, new { name = "Glädjeverket", legalForm = "Aktiebolag" }));

    [Fact]
    public void A_new_event_is_named_by_its_title_never_its_id()
    {
        var sentence = Sentence(AuditEntityTypes.Insats, "aktivitet registrerad: k2183-abc123",
            new { version = (long?)null, aktivitet = (object?)null }, new { version = 1, aktivitet = Seminar }, "ASF 2016–2020");
        Assert.Equal("Anna Andersson registrerade aktiviteten ”Seminarium om ASF” i ASF 2016–2020", sentence);
    }

    [Fact]
    public void A_corrected_event_names_the_changed_audience_count()
    {
        var sentence = Sentence(AuditEntityTypes.Insats, "aktivitet registrerad: k2183-abc123", new { version = 1, aktivitet = Seminar },
            new { version = 2, aktivitet = Seminar with { Audience = new Audience(Employees: 15) } }, "ASF 2016–2020");
        Assert.Equal("Anna Andersson ändrade publik: medarbetare för aktiviteten ”Seminarium om ASF” i ASF 2016–2020 från 14 till 15", sentence);
    }

    [Fact]
    public void A_removed_event_is_named_by_its_title() =>
        Assert.Equal("Anna Andersson tog bort aktiviteten ”Seminarium om ASF” ur ASF 2016–2020",
            Sentence(AuditEntityTypes.Insats, "aktivitet borttagen: k2183-abc123", new { version = 1, aktivitet = Seminar }, null, "ASF 2016–2020"));

    [Fact]
    public void Placements_are_named_by_year_municipality_and_target_group()
    {
        Assert.Equal("Anna Andersson registrerade placeringar 2018 i Bollnäs (Unga vuxna) i ASF 2016–2020",
            Sentence(AuditEntityTypes.Insats, "placering registrerad: p-2018-1", null, Places, "ASF 2016–2020"));
        Assert.Equal("Anna Andersson tog bort placeringar 2018 i Bollnäs (Unga vuxna) ur ASF 2016–2020",
            Sentence(AuditEntityTypes.Insats, "placering borttagen: p-2018-1", Places, null, "ASF 2016–2020"));
    }

    [Fact]
    public void Narrative_milestones_are_named_by_their_text()
    {
        var milestone = new NarrativeMilestone("n-1", 2017, new DateOnly(2017, 9, 1), "Nätverket träffades i Bollnäs.");
        Assert.Equal("Anna Andersson skrev in milstolpen ”Nätverket träffades i Bollnäs.” i berättelsen om ASF 2016–2020",
            Sentence(AuditEntityTypes.Insats, "milstolpe i berättelsen: n-1", null, milestone, "ASF 2016–2020"));
        Assert.Equal("Anna Andersson tog bort milstolpen ”Nätverket träffades i Bollnäs.” ur berättelsen om ASF 2016–2020",
            Sentence(AuditEntityTypes.Insats, "milstolpe i berättelsen borttagen: n-1", milestone, null, "ASF 2016–2020"));
    }

    [Theory]
    [InlineData("insats skapad: ASF 2016–2020", "Anna Andersson skapade insatsen ASF 2016–2020")]
    [InlineData("insats avslutad per 2020-12-31", "Anna Andersson avslutade insatsen ASF 2016–2020 per 2020-12-31")]
    public void Insats_creation_and_closing_read_as_sentences(string action, string expected) =>
        Assert.Equal(expected, Sentence(AuditEntityTypes.Insats, action, null, new { title = "ASF 2016–2020" }, "ASF 2016–2020"));

    [Fact]
    public void A_changed_insats_names_the_field() =>
        Assert.Equal("Anna Andersson ändrade processledare för ASF 2016–2020 från Processledare till Projektledare",
            Sentence(AuditEntityTypes.Insats, "insats ändrad", new { title = "ASF", processLeader = "Processledare" },
                new { title = "ASF", processLeader = "Projektledare" }, "ASF 2016–2020"));

    [Fact]
    public void Municipal_milestones_name_their_title_and_the_municipality()
    {
        var milestone = new MunicipalMilestone("m-1", MunicipalMilestoneKind.PolicyAdopted, new DateOnly(2018, 3, 1), "Policy antagen");
        Assert.Equal("Anna Andersson registrerade milstolpen ”Policy antagen” i Bollnäs",
            Sentence(AuditEntityTypes.Municipality, "milstolpe registrerad: Policy antagen", null, milestone, "Bollnäs"));
        Assert.Equal("Anna Andersson tog bort milstolpen ”Policy antagen” i Bollnäs",
            Sentence(AuditEntityTypes.Municipality, "milstolpe borttagen: Policy antagen", milestone, null, "Bollnäs"));
    }

    [Fact]
    public void Municipalities_added_and_moved_read_as_sentences()
    {
        Assert.Equal("Anna Andersson lade till Bollnäs",
            Sentence(AuditEntityTypes.Municipality, "kommunen tillagd i organisationen", null, new { name = "Bollnäs", subregion = "Halsingland" }, "Bollnäs"));
        Assert.Equal("Anna Andersson ändrade delregion för Bollnäs från Halsingland till Gastrikland",
            Sentence(AuditEntityTypes.Municipality, "kommunen flyttad till en annan delregion", new { name = "Bollnäs", subregion = "Halsingland" },
                new { name = "Bollnäs", subregion = "Gastrikland" }, "Bollnäs"));
    }

    [Theory]
    [InlineData("handlingsplan skapad från mallen", null, "Anna Andersson skapade handlingsplanen 2018 för ASF från mallen")]
    [InlineData("handlingsplan ändrad", "Plan 2018", "Anna Andersson ändrade titel för handlingsplanen 2018 för ASF från Plan 2018 till Plan 2018 (rev)")]
    public void Plans_created_and_changed_read_as_sentences(string action, string? beforeTitle, string expected) =>
        Assert.Equal(expected, Sentence(AuditEntityTypes.Plan, action, beforeTitle is null ? null : new { title = beforeTitle },
            new { title = beforeTitle is null ? "Plan 2018" : "Plan 2018 (rev)" }, "handlingsplanen 2018 för ASF"));

    [Theory]
    [InlineData("organisation skapad", null, "Anna Andersson lade upp organisationen Finsam Gävleborg")]
    [InlineData("organisationen ändrad", "Finsam", "Anna Andersson ändrade namn för Finsam Gävleborg från Finsam till Finsam Gävleborg")]
    public void Owners_created_and_changed_read_as_sentences(string action, string? beforeName, string expected) =>
        Assert.Equal(expected, Sentence(AuditEntityTypes.Owner, action, beforeName is null ? null : new { name = beforeName },
            new { name = "Finsam Gävleborg" }, "Finsam Gävleborg"));

    [Theory]
    [InlineData("skapad", "Anna Andersson skapade kontot för Bo Berg")]
    [InlineData("nytt lösenord", "Anna Andersson gav Bo Berg ett nytt lösenord")]
    [InlineData("lösenord återställt (tillfälligt)", "Anna Andersson gav Bo Berg ett tillfälligt lösenord")]
    [InlineData("bytte eget lösenord", "Anna Andersson bytte sitt lösenord")]
    public void Account_actions_read_as_sentences(string action, string expected) =>
        Assert.Equal(expected, Sentence(AuditEntityTypes.Account, action, null, new { displayName = "Bo Berg" }, "Bo Berg"));

    [Fact]
    public void A_changed_account_says_yes_and_no_for_disabled() =>
        Assert.Equal("Anna Andersson ändrade avstängd för Bo Berg från Nej till Ja",
            Sentence(AuditEntityTypes.Account, "ändrad", new { displayName = "Bo Berg", disabled = false },
                new { displayName = "Bo Berg", disabled = true }, "Bo Berg"));

    [Theory]
    [InlineData("utfärdad", "Anna Andersson skapade API-nyckeln ”Ekonomisystemet”")]
    [InlineData("återkallad", "Anna Andersson återkallade API-nyckeln ”Ekonomisystemet”")]
    public void Token_actions_read_as_sentences(string action, string expected) =>
        Assert.Equal(expected, Sentence(AuditEntityTypes.Token, action, null, new { name = "Ekonomisystemet" }, "”Ekonomisystemet”"));

    [Fact]
    public void Before_and_after_are_Swedish_labels_and_words_never_json()
    {
        var changes = AuditChanges.Of(null, J(new { version = 1, aktivitet = Seminar }));

        Assert.Contains(new AuditChange("typ", "–", "Seminarium"), changes);
        Assert.Contains(new AuditChange("kommun", "–", "Bollnäs"), changes);
        Assert.Contains(new AuditChange("publik: medarbetare", "–", "14"), changes);
        Assert.DoesNotContain(changes, c => c.Field.Contains("version") || c.After.Contains('{') || c.After.Contains("k2183-"));
    }
}
