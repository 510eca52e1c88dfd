using AsfPlatform.Reporting;

namespace AsfPlatform.Cli;

/// <summary>The command-line option for each report parameter, so errors name what the user typed.</summary>
internal static class ReportOptionNames
{
    public static string Of(ReportParameterKind kind) => kind switch
    {
        ReportParameterKind.Owner => "--owner",
        ReportParameterKind.Insats => "--insats",
        ReportParameterKind.Year => "--year",
        ReportParameterKind.Municipality => "--municipality",
        ReportParameterKind.AsOfDate => "--as-of",
        _ => kind.ToString(),
    };
}
