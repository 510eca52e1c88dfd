using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Domain.Tests;

public class RegisterRulesTests
{
    [Theory]
    [InlineData("asf-", "Glädjeverket", "asf-gladjeverket")]
    [InlineData("asf-", "Stenbackens boende & arbetskooperativ", "asf-stenbackens-boende-arbetskooperativ")]
    [InlineData("", "  Ökad kompetens – ASF 2021!", "okad-kompetens-asf-2021")]
    [InlineData("asf-", "???", "asf-x")]
    public void An_id_made_from_a_name_is_lowercase_a_to_z_digits_and_dashes(string prefix, string name, string id)
    {
        Assert.Equal(id, Identifiers.FromName(prefix, name));
        Assert.Empty(new Validator().Id("id", Identifiers.FromName(prefix, name + new string('å', 100))).Errors);
    }

    [Fact]
    public void A_plan_that_numbers_every_section_is_printed_with_its_own_numbers_and_one_that_does_not_is_numbered_by_level()
    {
        var sections = new List<PlanSection>
        {
            new("1", "Bakgrund", "Text."),
            new("1.2", "Dubbla affärsidéer", ""),
            new("5", "Två huvudspår", ""),
            new("5.2", "Individinriktade insatser", "Inledning.\n5.2.1 Platser hos ASF\nText."),
            new("5.3", "Nästa", ""),
            new("6", "Samverkansparter", ""),
        };

        // The 2017 plan goes from 1. Bakgrund to 1.2: the document and the editor keep the plan's numbers.
        Assert.Equal(["1.", "1.2", "5.", "5.2", "5.3", "6."], SectionNumbering.Numbers(sections));
        // The editor's blank row for a new section does not change that.
        Assert.Equal(["1.", "1.2", "5.", "5.2", "5.3", "6.", ""], SectionNumbering.Numbers([.. sections, new("", "", "")]));
        // A section without a number of its own: all are numbered by level, sub-heading lines in the text counted too.
        sections[1] = sections[1] with { Number = "Underavsnitt.1" };
        Assert.Equal(["1.", "1.1", "2.", "2.1", "2.2", "3."], SectionNumbering.Numbers(sections));
    }

    [Fact]
    public void The_template_is_numbered_as_the_document_numbers_it()
    {
        var numbers = SectionNumbering.Numbers(PlanTemplates.Sections);

        Assert.Equal(PlanTemplates.Sections.Select(s => s.Number.Contains('.') ? s.Number : s.Number + "."), numbers);
        Assert.Empty(FactRules.Plan(PlanTemplates.Template(2018), 2018).Errors);
    }

    [Fact]
    public void A_closed_insats_refuses_an_event_dated_after_closing_but_not_one_on_the_day()
    {
        var insats = new Insats("i", "Insats", new(2017, 1, 1), new(2018, 12, 31), [], [], [], ClosedOn: new(2018, 6, 30));
        var onTheDay = new InformationEvent("e", new(2018, 6, 30), EventType.Seminarium, "Seminarium", null, [], new());

        Assert.Empty(FactRules.Event(onTheDay, insats).Errors);
        Assert.Equal("datum", Assert.Single(FactRules.Event(onTheDay with { Date = new(2018, 7, 1) }, insats).Errors).Field);
    }
}
