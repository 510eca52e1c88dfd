using AsfPlatform.Host.Domain;
using AsfPlatform.Reporting;

namespace AsfPlatform.Host.Api;

/// <summary>
/// What a report request names, checked before a plugin runs: an unknown owner or insats is a 404 and a municipality
/// the owner does not work with a 400 naming <c>municipality</c>, instead of a plugin failing on data it cannot find.
/// </summary>
internal static class ReportSubjects
{
    /// <summary>The refusal, or null when every named subject exists (a missing one is the plugin's to name).</summary>
    public static async Task<IResult?> CheckAsync(ReportArguments arguments, DomainReader reader)
    {
        if (string.IsNullOrWhiteSpace(arguments.Owner))
            return null;
        if (!IsKey(arguments.Owner) || await reader.OwnerAsync(arguments.Owner) is not { Exists: true } owner)
            return ApiProblems.NotFound($"Organisationen \"{arguments.Owner}\" finns inte.");
        if (!string.IsNullOrWhiteSpace(arguments.Insats))
        {
            if (!IsKey(arguments.Insats) || await reader.InsatsAsync(owner.Id, arguments.Insats) is not { Insats: { } insats })
                return ApiProblems.NotFound($"Insatsen \"{arguments.Insats}\" finns inte hos {owner.Name}.");
            var period = $"insatsens period ({insats.PeriodStart:yyyy-MM-dd} – {insats.PeriodEnd:yyyy-MM-dd})";
            if (arguments.Year is { } year && (year < insats.PeriodStart.Year || year > insats.PeriodEnd.Year))
                return ApiProblems.Validation("year", $"Året {year} ligger utanför {period}.");
            if (arguments.AsOfDate is { } date && (date < insats.PeriodStart || date > insats.PeriodEnd))
                return ApiProblems.Validation("asOfDate", $"Datumet {date:yyyy-MM-dd} ligger utanför {period}.");
        }
        if (!string.IsNullOrWhiteSpace(arguments.Municipality) && !owner.Municipalities.Contains(arguments.Municipality))
            return ApiProblems.Validation("municipality", $"Kommunen {arguments.Municipality} hör inte till {owner.Name}.");
        return null;
    }

    /// <summary>The request property a report parameter is sent as (<c>year</c>, <c>asOfDate</c>).</summary>
    public static string PropertyOf(ReportParameterKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    // Ids are lowercase keys; anything else names nothing that exists.
    private static bool IsKey(string id) => id.Length <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.');
}
