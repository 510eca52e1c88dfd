using AsfPlatform.Contracts;

namespace AsfPlatform.Host.Api;

/// <summary>
/// The canonical address of everything that has a version: what an ETag names besides the version, so an ETag read
/// from one resource can never pass as another's (<see cref="Versioning"/>). The addresses are those of the GET that
/// answers the resource with its ETag.
/// </summary>
internal static class ResourcePaths
{
    public static string Owner(string owner) => $"/api/owners/{owner}";

    public static string Municipality(string owner, string kommunkod) => $"{Owner(owner)}/municipalities/{kommunkod}";

    public static string Company(string owner, string companyId) => $"{Owner(owner)}/companies/{companyId}";

    public static string Insats(string owner, string insatsId) => $"{Owner(owner)}/insatser/{insatsId}";

    public static string Event(string owner, string insatsId, string? eventId) => $"{Insats(owner, insatsId)}/events/{eventId}";

    public static string Plan(string owner, string insatsId, int year) => $"{Insats(owner, insatsId)}/plans/{year}";

    /// <summary>An account: user names are compared without case, so its address is too.</summary>
    public static string Account(string userName) => $"/api/users/{userName.ToLowerInvariant()}";

    /// <summary>The address and version of a domain snapshot, or null for anything that is not one.</summary>
    public static (string Path, long Version)? Of(object? snapshot) => snapshot switch
    {
        OwnerSnapshot s => (Owner(s.Id), s.Version),
        MunicipalitySnapshot s => (Municipality(s.Owner, s.Kommunkod), s.Version),
        CompanySnapshot s => (Company(s.Owner, s.Id), s.Version),
        InsatsSnapshot s => (Insats(s.Owner, s.Id), s.Version),
        EventSnapshot s => (Event(s.Owner, s.InsatsId, s.EventId), s.Version),
        PlanSnapshot s => (Plan(s.Owner, s.InsatsId, s.Year), s.Version),
        _ => null,
    };
}
