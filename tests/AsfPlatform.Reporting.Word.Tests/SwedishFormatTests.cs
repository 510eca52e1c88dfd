namespace AsfPlatform.Reporting.Word.Tests;

public sealed class SwedishFormatTests
{
    private const char Nbsp = '\u00A0';

    [Fact]
    public void Money_has_no_break_spaces_between_digit_groups_and_before_kr()
    {
        Assert.Equal($"800{Nbsp}000{Nbsp}kr", SwedishFormat.Money(800_000m));
        Assert.Equal($"1{Nbsp}234{Nbsp}568{Nbsp}kr", SwedishFormat.Money(1_234_567.5m));
        Assert.Equal($"0{Nbsp}kr", SwedishFormat.Money(0m));
        Assert.Equal("800 000 kr", SwedishFormat.Money(800_000m).Replace(Nbsp, ' '));
    }

    [Fact]
    public void Numbers_use_a_decimal_comma_and_an_ascii_minus()
    {
        Assert.Equal("12,5", SwedishFormat.Number(12.5m));
        Assert.Equal("3", SwedishFormat.Number(3m));
        Assert.Equal($"-1{Nbsp}500,25", SwedishFormat.Number(-1500.25m));
        Assert.Equal("12,50", SwedishFormat.Fixed(12.5m, 2));
        Assert.Equal("0,67", SwedishFormat.Number(2m / 3m));
    }

    [Fact]
    public void Percentages_are_shares_written_with_a_space_before_the_sign()
    {
        Assert.Equal($"30{Nbsp}%", SwedishFormat.Percent(0.3m));
        Assert.Equal($"12,5{Nbsp}%", SwedishFormat.Percent(0.125m, 1));
        Assert.Equal($"100{Nbsp}%", SwedishFormat.Percent(1m));
    }

    [Fact]
    public void Dates_are_iso_and_periods_use_a_spaced_en_dash()
    {
        Assert.Equal("2017-12-31", SwedishFormat.Date(new DateOnly(2017, 12, 31)));
        Assert.Equal("2017-01-01 – 2017-12-31", SwedishFormat.Period(new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31)));
        // 23:30 UTC on 31 December is already New Year's Day in Sweden.
        Assert.Equal("2018-01-01", SwedishFormat.Date(new DateTimeOffset(2017, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }
}
