namespace AsfPlatform.Reporting;

/// <summary>The kinds of input a report can ask for.</summary>
public enum ReportParameterKind
{
    /// <summary>The owning coordination association (insatsägare), e.g. "Samordningsförbund Gävleborg".</summary>
    Owner,
    /// <summary>The insats the report is about.</summary>
    Insats,
    /// <summary>The plan or report year.</summary>
    Year,
    /// <summary>A municipality, by its four-digit kommunkod.</summary>
    Municipality,
    /// <summary>The date the figures are evaluated at.</summary>
    AsOfDate,
}

/// <summary>A parameter a report declares; <see cref="Required"/> ones are checked before the report runs.</summary>
/// <param name="Kind">What is asked for.</param>
/// <param name="Required">Whether the report refuses to run without it.</param>
/// <param name="Hint">Optional Swedish help text for the CLI/UI.</param>
public sealed record ReportParameter(ReportParameterKind Kind, bool Required = true, string? Hint = null)
{
    /// <summary>The Swedish name of the parameter as users see it ("år", "kommun", ...).</summary>
    public string Label => LabelOf(Kind);

    /// <summary>The Swedish name of a parameter kind.</summary>
    public static string LabelOf(ReportParameterKind kind) => kind switch
    {
        ReportParameterKind.Owner => "ägare",
        ReportParameterKind.Insats => "insats",
        ReportParameterKind.Year => "år",
        ReportParameterKind.Municipality => "kommun",
        ReportParameterKind.AsOfDate => "per datum",
        _ => kind.ToString(),
    };

    /// <summary>A required parameter.</summary>
    public static ReportParameter Require(ReportParameterKind kind, string? hint = null) => new(kind, true, hint);

    /// <summary>An optional parameter.</summary>
    public static ReportParameter Optional(ReportParameterKind kind, string? hint = null) => new(kind, false, hint);
}
