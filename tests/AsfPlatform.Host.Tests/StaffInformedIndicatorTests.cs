using System.Text.Json;

namespace AsfPlatform.Host.Tests;

/// <summary>"Antal medarbetare som fått information" follows the events people record, not only the yearly survey.</summary>
public sealed class StaffInformedIndicatorTests(DatasetHostFactory factory) : IClassFixture<DatasetHostFactory>
{
    private const string Indicator = "medarbetare-informerade";

    private static async Task<JsonElement> IndicatorAsync(HttpClient client)
    {
        using var plan = JsonDocument.Parse(await client.GetStringAsync(WriteEndpoint.Plan));
        return plan.RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("indicatorId").GetString() == Indicator).Clone();
    }

    [Fact]
    public async Task Staff_in_the_audience_of_a_recorded_event_raise_the_staff_informed_indicator_and_its_source_says_so()
    {
        await factory.EnsureAdminAsync();
        var admin = await factory.TokenClientAsync(AsfHostFactory.AdminUser);
        var before = await IndicatorAsync(admin);

        // EventBody has 12 staff in the audience, dated in the plan's year.
        (await WriteEndpoint.Event.CreateAsync(admin, WriteEndpoint.EventBody(WriteEndpoint.Unique("k2183"), "Frukostmöte för medarbetare")))
            .EnsureSuccessStatusCode();

        var after = await IndicatorAsync(admin);
        Assert.Equal(before.GetProperty("value").GetDecimal() + 12, after.GetProperty("value").GetDecimal());
        Assert.Contains("medarbetare i publiken vid registrerade aktiviteter", after.GetProperty("source").GetString());
        Assert.Equal("2017-12-31", after.GetProperty("latestFigure").GetString()); // the survey's year-end figure is the latest
    }
}
