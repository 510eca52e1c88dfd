namespace AsfPlatform.Contracts;

/// <summary>
/// Grain keys. Every key starts with <see cref="Prefix"/> and the owner id, so several owners share one installation.
/// Orleans' ADO.NET storage stores a key that parses as a hexadecimal number or a GUID as that number ("2180" and
/// "02180" would share a row, "+" would start a key extension): the prefix's first letter is not a hex digit, so no
/// key is ever read as a number, whatever the owner chose as its id.
/// </summary>
public static class GrainKeys
{
    /// <summary>What every key starts with.</summary>
    public const string Prefix = "owner:";

    /// <summary>The list of every registered owner (one grain per installation). Not an owner key: "owners" is no owner id
    /// prefix, and its first letter is no hex digit either.</summary>
    public const string OwnerList = "owners:all";

    /// <summary>The owner directory: "owner:finsam-gavleborg".</summary>
    public static string Owner(string ownerId) => Prefix + ownerId;

    /// <summary>A municipality: "owner:finsam-gavleborg/k2180".</summary>
    public static string Municipality(string ownerId, string kommunkod) => $"{Prefix}{ownerId}/k{kommunkod}";

    /// <summary>
    /// A municipality's own facts (policies, cooperation groups, support structures, procurements, IOP), shared by
    /// every owner that works with it: "municipality:2180". Not an owner key; its first letter is no hex digit either.
    /// </summary>
    public static string MunicipalFacts(string kommunkod) => $"municipality:{kommunkod}";

    /// <summary>A company: "owner:finsam-gavleborg/company/asf-gladjeverket".</summary>
    public static string Company(string ownerId, string companyId) => $"{Prefix}{ownerId}/company/{companyId}";

    /// <summary>An insats: "owner:finsam-gavleborg/asf-2016-2020".</summary>
    public static string Insats(string ownerId, string insatsId) => $"{Prefix}{ownerId}/{insatsId}";

    /// <summary>A yearly plan: "owner:finsam-gavleborg/asf-2016-2020/2017".</summary>
    public static string Plan(string ownerId, string insatsId, int year) => $"{Prefix}{ownerId}/{insatsId}/{year}";

    /// <summary>The information events of an insats on one day: "owner:finsam-gavleborg/asf-2016-2020/events/2017-06-15".</summary>
    public static string EventLog(string ownerId, string insatsId, DateOnly day) => $"{Prefix}{ownerId}/{insatsId}/events/{day:yyyy-MM-dd}";

    /// <summary>The information events of an insats in one month, as kept before they were kept per day (read only to
    /// move them): "owner:finsam-gavleborg/asf-2016-2020/events/2017-06".</summary>
    public static string MonthEventLog(string ownerId, string insatsId, DateOnly month) => $"{Prefix}{ownerId}/{insatsId}/events/{month:yyyy-MM}";

    /// <summary>Which sample-dataset records an owner has had applied: "owner:finsam-gavleborg/dataset".</summary>
    public static string DatasetLedger(string ownerId) => $"{Prefix}{ownerId}/dataset";

    /// <summary>
    /// The key without the prefix ("finsam-gavleborg/k2180"): how the audit log and the history pages name a thing,
    /// independent of how grains are keyed.
    /// </summary>
    public static string PathOf(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : key;

    /// <summary>Splits a key into its segments, owner id first (without the prefix).</summary>
    public static string[] Segments(string key) => PathOf(key).Split('/');
}
