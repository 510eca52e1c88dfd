using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Domain.Tests;

public class ValidationTests
{
    private static readonly Insats Insats = new("asf-2016-2020", "ASF", new(2016, 8, 1), new(2020, 12, 31), [], [], []);

    private static Placement Placement(PlacementUse? use = null, PlacementOutcomes? outcomes = null, int year = 2018) =>
        new("p", year, "2132", 7, "Utrikes födda", 200, use, outcomes);

    private static void AssertRejected(Validator v, string field, string messagePart)
    {
        var ex = Assert.Throws<ValidationException>(v.ThrowIfInvalid);
        Assert.Contains(ex.Errors, e => e.Field == field && e.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Deltagare 811218-9876 placerad")]   // without century, with separator
    [InlineData("Deltagare 8112189876 placerad")]    // without century and separator
    [InlineData("Deltagare 19811218-9876")]          // with century and separator
    [InlineData("Deltagare 198112189876")]           // with century, without separator
    [InlineData("Född 811218+9876")]                 // over 100 years old: '+'
    [InlineData("Samordningsnummer 701063-2391")]   // day + 60
    [InlineData("Samordningsnummer 197010632391")]
    [InlineData("Deltagare 121212\u200b-1212")]         // zero-width space before the dash
    [InlineData("Deltagare 121212\u2013" + "1212")]     // en dash
    [InlineData("Deltagare 121212\u2212" + "1212")]     // minus sign
    [InlineData("Deltagare 121212 - 1212")]            // spaces around the dash
    [InlineData("Deltagare 12.12.12-1212")]            // dots between the parts of the date
    [InlineData("Deltagare 121212\u00a0" + "1212")]     // no-break space
    [InlineData("Deltagare \uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12")] // full-width digits
    [InlineData("Deltagare \u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662")] // Arabic-Indic digits
    [InlineData("Deltagare 1212\u202e" + "12-1212")]     // a right-to-left override inside the number
    public void Text_containing_a_personal_identity_number_is_rejected_with_a_reason(string text)
    {
        var v = new Validator().Text("titel", text);
        AssertRejected(v, "titel", "personnummer eller samordningsnummer");
    }

    [Theory]
    [InlineData("Budget 800 000 kr för 2017")]
    [InlineData("Organisationsnummer 556036-0793")]  // "month" 60 is no month: an organisation number
    [InlineData("Telefon 070-320 54 68 saknas")]
    [InlineData("811218-9875")]                       // wrong check digit
    [InlineData("811318-9876")]                       // month 13
    [InlineData("Beslut 2017-12-12, 1212 kr")]          // a date and an amount
    public void Ordinary_numbers_are_not_taken_for_personal_identity_numbers(string text) =>
        Assert.Empty(new Validator().Text("titel", text).Errors);

    [Theory]
    [InlineData("Titel med \u0000 NUL", "styrtecken (U+0000)")]
    [InlineData("Titel med \u001b escape", "styrtecken (U+001B)")]
    [InlineData("Titel \u202e vänd", "skrivriktning (U+202E)")]
    [InlineData("Titel \u2066 isolerad", "skrivriktning (U+2066)")]
    public void Control_characters_lone_surrogates_and_direction_overrides_are_refused_naming_the_field(string text, string reason) =>
        AssertRejected(new Validator().Text("titel", text), "titel", reason);

    [Fact]
    public void A_lone_half_of_a_surrogate_pair_is_refused()
    {
        // Built in code: an attribute argument cannot carry a lone surrogate (metadata stores it as U+FFFD).
        AssertRejected(new Validator().Text("titel", "Titel " + (char)0xD800 + " halva"), "titel", "ensam surrogathalva");
    }

    [Theory]
    [InlineData("\u200b\u200b")]
    [InlineData(" \u00a0\u2060 ")]
    public void Text_of_only_invisible_characters_counts_as_empty(string text)
    {
        AssertRejected(new Validator().Text("titel", text, required: true), "titel", "måste fyllas i");
        AssertRejected(new Validator().Text("notering", text), "notering", "bara osynliga tecken");
    }

    [Fact]
    public void Line_breaks_tabs_and_letters_of_every_script_are_fine() =>
        Assert.Empty(new Validator().Text("text", "Rad ett\r\nRad två\tmed tabb, åäö, Ω, 日本, 😀", Validator.LongText).Errors);

    [Fact]
    public void Text_longer_than_the_bound_is_rejected_naming_the_field()
    {
        AssertRejected(new Validator().Text("namn", new string('x', Validator.ShortText + 1)), "namn", "högst 200 tecken");
        Assert.Empty(new Validator().Text("namn", new string('x', Validator.ShortText)).Errors);
    }

    [Theory]
    [InlineData("2180", true)]
    [InlineData("0114", true)]
    [InlineData("218", false)]
    [InlineData("21800", false)]
    [InlineData("1180", false)]   // county 11 no longer exists
    [InlineData("2100", false)]
    [InlineData("21a0", false)]
    public void Kommunkod_must_be_four_digits_of_an_existing_county(string code, bool valid) =>
        Assert.Equal(valid, Kommunkod.IsValid(code));

    [Theory]
    [InlineData("556036-0793", "556036-0793")]
    [InlineData("5560360793", "556036-0793")]
    [InlineData("16556036-0793", "556036-0793")]
    [InlineData("202100-5489", "202100-5489")]
    [InlineData("556036-0794", null)]  // check digit
    [InlineData("811218-9876", null)]  // a personnummer is not an organisation number
    [InlineData("55603-0793", null)]
    public void Organisation_numbers_are_checked_with_their_check_digit(string input, string? normalized) =>
        Assert.Equal(normalized, OrganisationNumber.Normalize(input));

    [Fact]
    public void A_company_with_an_invalid_organisation_number_is_rejected()
    {
        var c = new Company("asf-x", "X", "556036-0794", LegalForm.EkonomiskForening, "2180", null, new(true, true, true, true), null, null);
        AssertRejected(FactRules.Company(c), "organisationsnummer", "kontrollsiffra");
        AssertRejected(FactRules.Company(c with { OrganisationNumber = null, Kommunkod = "9999" }), "kommunkod", "ingen giltig kommunkod");
    }

    [Fact]
    public void Negative_counts_are_rejected()
    {
        AssertRejected(FactRules.CompanyFigures(new(new(2017, 1, 1), -1, 0, null, 0, 0, 0)), "anstalldaKvinnor", "negativt");
        var e = new InformationEvent("e", new(2017, 2, 1), EventType.Konferens, "K", null, [], new(Politicians: -3));
        AssertRejected(FactRules.Event(e, Insats), "publik.politiker", "negativt");
    }

    [Fact]
    public void Women_and_men_must_add_up_to_a_given_total()
    {
        AssertRejected(FactRules.CompanyFigures(new(new(2017, 1, 1), 3, 2, 6, 0, 0, 0)), "anstalldaTotalt", "ska vara lika med totalen");
        Assert.Empty(FactRules.CompanyFigures(new(new(2017, 1, 1), 3, 3, 6, 0, 0, 0)).Errors);
        AssertRejected(FactRules.Placement(Placement(new(7, 7, 6, 2)), Insats), "nyttjande.deltagare", "kvinnor och män");
    }

    [Fact]
    public void Used_places_may_not_exceed_granted_places()
    {
        AssertRejected(FactRules.Placement(Placement(new(8, 7, 6, 1)), Insats), "nyttjande.nyttjadePlatser", "beviljade platser");
        Assert.Empty(FactRules.Placement(Placement(new(7, 7, 6, 1)), Insats).Errors);
    }

    [Fact]
    public void Outcomes_may_not_exceed_participants()
    {
        AssertRejected(FactRules.Placement(Placement(new(2, 2, 1, 1), new(Work: 1, BackToPublicSupport: 2)), Insats), "utfall", "antalet deltagare");
        Assert.Empty(FactRules.Placement(Placement(new(2, 2, 1, 1), new(BackToPublicSupport: 2)), Insats).Errors);
    }

    [Fact]
    public void Dates_outside_the_insats_period_are_rejected()
    {
        var e = new InformationEvent("e", new(2016, 5, 1), EventType.Temadag, "Vägar till arbete", "2161", [], new());
        AssertRejected(FactRules.Event(e, Insats), "datum", "utanför insatsens period");
        AssertRejected(FactRules.Placement(Placement(year: 2021), Insats), "ar", "utanför insatsens period");
        AssertRejected(FactRules.Narrative(new("n", 2021, null, "Text"), Insats), "ar", "utanför insatsens period");
    }

    [Fact]
    public void A_story_milestone_dated_in_another_year_than_its_own_is_refused_naming_the_date()
    {
        AssertRejected(FactRules.Narrative(new("n", 2017, new(2018, 9, 1), "Text"), Insats), "datum", "inte i milstolpens år 2017");
        Assert.Empty(FactRules.Narrative(new("n", 2017, new(2017, 9, 1), "Text"), Insats).Errors);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<ValidationException>(FactRules.CompanyFigures(new(new(2017, 1, 1), -1, -1, null, -1, 0, 0)).ThrowIfInvalid);
        Assert.Equal(3, ex.Errors.Count);
        Assert.Contains("anstalldaMan", ex.Message);
    }

    [Fact]
    public void Organisation_roles_are_titles_and_never_contact_details()
    {
        var plan = new Plans.PlanContent("Handlingsplan 2017", [], [], [], [], [],
            [new("Processledare", "processledare@example.se")]);
        AssertRejected(FactRules.Plan(plan, 2017), "organisation[0].titel", "e-postadresser");
    }

    [Fact]
    public void A_rejected_value_that_is_a_personal_identity_number_is_not_echoed_in_the_message()
    {
        var ex = Assert.Throws<ValidationException>(new Validator().Kommunkod("kommunkod", "811218-9876").ThrowIfInvalid);
        Assert.DoesNotContain("9876", ex.Message);
    }
}
