using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Reporting;

/// <summary>
/// Subregion names and order from the owner's own list (<see cref="OwnerSnapshot.Subregions"/>). An owner stored
/// before it named its subregions reads as Gävleborg's (Hälsingland, Gästrikland), the only ones there were then.
/// </summary>
/// <param name="owner">The context's owner (<see cref="IReportContext.Owner"/>).</param>
public sealed class SubregionNames(OwnerSnapshot? owner)
{
    private readonly IReadOnlyList<Subregion> _list = owner?.Subregions is { Count: > 0 } own ? own : Subregion.Gavleborg;

    /// <summary>The subregion's name, or its id when the owner does not name it.</summary>
    public string Of(string id) => Subregion.NameOf(id, _list);

    /// <summary>The distinct ids in the owner's order (ids it does not name last, alphabetically).</summary>
    public IReadOnlyList<string> Ordered(IEnumerable<string> ids) =>
        ids.Distinct().OrderBy(Position).ThenBy(id => id, StringComparer.Ordinal).ToList();

    private int Position(string id)
    {
        for (var i = 0; i < _list.Count; i++)
            if (_list[i].Id == id) return i;
        return int.MaxValue;
    }
}
