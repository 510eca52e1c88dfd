using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Reporting.Word.Tests;

public sealed class SwedishTextTests
{
    [Theory]
    [InlineData(0, "0 konferenser")]
    [InlineData(1, "1 konferens")]
    [InlineData(2, "2 konferenser")]
    [InlineData(-1, "-1 konferens")]
    public void A_count_takes_the_singular_only_for_one(int count, string expected) =>
        Assert.Equal(expected, SwedishText.Count(count, "konferens", "konferenser"));

    [Fact]
    public void Adjectives_agree_with_the_count_when_the_forms_are_whole_phrases()
    {
        Assert.Equal("1 registrerad informationsinsats", SwedishText.Count(1, "registrerad informationsinsats", "registrerade informationsinsatser"));
        Assert.Equal("2 registrerade informationsinsatser", SwedishText.Count(2, "registrerad informationsinsats", "registrerade informationsinsatser"));
        Assert.Equal("uppnådda", SwedishText.Form(4, "uppnådd", "uppnådda"));
    }

    [Fact]
    public void Fractions_and_large_counts_are_plural_and_formatted_the_Swedish_way()
    {
        Assert.Equal("1,5 dagar", SwedishText.Count(1.5m, "dag", "dagar"));
        Assert.Equal("1\u00A0000 personer", SwedishText.Count(1000, "person", "personer"));
    }

    [Fact]
    public void Event_types_are_counted_in_lower_case_with_their_own_plural()
    {
        Assert.Equal("3 utbildningar", SwedishText.Count(3, EventType.Utbildning));
        Assert.Equal("1 konferens", SwedishText.Count(1, EventType.Konferens));
        Assert.Equal("2 poddavsnitt", SwedishText.Count(2, EventType.Podcast));
        Assert.All(Enum.GetValues<EventType>(), type =>
        {
            var (one, many) = SwedishText.EventTypeForms(type);
            Assert.Equal(one.ToLowerInvariant(), one);
            Assert.Equal(many.ToLowerInvariant(), many);
        });
    }

    [Fact]
    public void Statuses_are_counted_as_adjectives_agreeing_with_indikator()
    {
        Assert.Equal("1 uppnådd", SwedishText.Count(1, IndicatorStatus.Achieved));
        Assert.Equal("4 uppnådda", SwedishText.Count(4, IndicatorStatus.Achieved));
        Assert.Equal("5 ej i fas", SwedishText.Count(5, IndicatorStatus.OffTrack));
        Assert.Equal("2 utan data", SwedishText.Count(2, IndicatorStatus.NoData));
    }

    [Fact]
    public void Lists_join_with_commas_and_och()
    {
        Assert.Equal("", SwedishText.Join([]));
        Assert.Equal("a", SwedishText.Join(["a"]));
        Assert.Equal("a och b", SwedishText.Join(["a", "b"]));
        Assert.Equal("a, b och c", SwedishText.Join(["a", "b", "c"]));
    }

    [Fact]
    public void Periods_seasons_changes_and_municipalities_read_as_Swedish_prose()
    {
        Assert.Equal("augusti 2016 – december 2020", SwedishText.MonthPeriod(new DateOnly(2016, 8, 1), new DateOnly(2020, 12, 31)));
        Assert.Equal("Hösten 2017", SwedishText.Season(new DateOnly(2017, 10, 1)));
        Assert.Equal("ökade från 179 till 209 (+17\u00A0%)", SwedishText.Change(179, 209));
        Assert.Equal("Hudiksvalls kommun", MunicipalityNames.Organisation("Hudiksvall"));
        Assert.Equal("Gävle kommun", MunicipalityNames.Organisation("Gävle"));
        Assert.Equal("Hofors kommun", MunicipalityNames.Organisation("Hofors"));
    }
}
