namespace AsfPlatform.Contracts;

/// <summary>
/// Grain keys. Every key starts with the owner id, so several owners share one installation; segments carry
/// non-hex prefixes ("k2180") so no key ever looks like a number.
/// </summary>
public static class GrainKeys
{
    /// <summary>The owner directory: the owner id itself, e.g. "finsam-gavleborg".</summary>
    public static string Owner(string ownerId) => ownerId;

    /// <summary>A municipality: "finsam-gavleborg/k2180".</summary>
    public static string Municipality(string ownerId, string kommunkod) => $"{ownerId}/k{kommunkod}";

    /// <summary>A company: "finsam-gavleborg/company/asf-gladjeverket".</summary>
    public static string Company(string ownerId, string companyId) => $"{ownerId}/company/{companyId}";

    /// <summary>An insats: "finsam-gavleborg/asf-2016-2020".</summary>
    public static string Insats(string ownerId, string insatsId) => $"{ownerId}/{insatsId}";

    /// <summary>A yearly plan: "finsam-gavleborg/asf-2016-2020/2017".</summary>
    public static string Plan(string ownerId, string insatsId, int year) => $"{ownerId}/{insatsId}/{year}";

    /// <summary>The information events of an insats in one month: "finsam-gavleborg/asf-2016-2020/events/2017-06".</summary>
    public static string EventLog(string ownerId, string insatsId, DateOnly month) => $"{ownerId}/{insatsId}/events/{month:yyyy-MM}";

    /// <summary>Splits a key into its segments (owner first).</summary>
    public static string[] Segments(string key) => key.Split('/');
}
