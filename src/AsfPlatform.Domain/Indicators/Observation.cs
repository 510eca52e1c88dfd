namespace AsfPlatform.Domain.Indicators;

/// <summary>
/// One dated contribution of a fact to a metric. <paramref name="SourceId"/> is the unit a source replaces when it
/// changes (e.g. "company/asf-x", "survey/2017"); <paramref name="Series"/> groups stock values over time (e.g. the
/// survey's Hälsingland company count): a stock is the sum over series of each series' latest value.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.Observation")]
public sealed record Observation(
    MetricKind Metric,
    string SourceId,
    string Series,
    DateOnly Date,
    decimal Value,
    int? Women = null,
    int? Men = null,
    string? Kommunkod = null,
    string? Subregion = null,
    string? Category = null)
{
    /// <summary>County surveys and per-company figures describe the same thing; see the precedence rule in
    /// <see cref="Measure"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSurvey => Series.StartsWith("survey", StringComparison.Ordinal);
}
