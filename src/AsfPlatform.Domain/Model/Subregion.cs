namespace AsfPlatform.Domain.Model;

/// <summary>
/// A subregion an owner names (Hälsingland, Gästrikland, "Norra länet", ...). Municipalities, survey counts and
/// indicator scopes refer to it by <see cref="Id"/>; <see cref="Name"/> is what pages and reports print.
/// </summary>
[GenerateSerializer, Immutable, Alias("asf.OwnerSubregion")]
public sealed record Subregion(string Id, string Name)
{
    // The ids Gävleborg's data has used since subregions were a fixed list: stored states, the dataset and saved
    // indicator scopes hold these very strings, so they stay the ids of Gävleborg's subregions.
    public const string Halsingland = "Halsingland";
    public const string Gastrikland = "Gastrikland";

    /// <summary>Gävleborg's two subregions, as its dataset owners name them.</summary>
    public static IReadOnlyList<Subregion> Gavleborg { get; } = [new(Halsingland, "Hälsingland"), new(Gastrikland, "Gästrikland")];

    /// <summary>
    /// The name of a subregion id: from the owner's list, else Gävleborg's (for states stored before owners named
    /// their subregions), else the id itself.
    /// </summary>
    public static string NameOf(string id, IEnumerable<Subregion>? ownerSubregions = null) =>
        ownerSubregions?.FirstOrDefault(s => s.Id == id)?.Name ?? Gavleborg.FirstOrDefault(s => s.Id == id)?.Name ?? id;
}
