using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>The start page after sign-in.</summary>
public sealed class IndexModel(AsfPlatform.Host.Domain.KnownOwners owners, AsfPlatform.Host.Domain.DomainReader reader) : PageModel
{
    /// <summary>The registered owners the user may see, with their insatser (for the register links).</summary>
    public IReadOnlyList<AsfPlatform.Contracts.OwnerSnapshot> Owners { get; private set; } = [];

    /// <summary>The signed-in user's name.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>The role in words.</summary>
    public string RoleDescription { get; private set; } = "";

    /// <summary>The partner office's organisation, if any.</summary>
    public OrganisationRef? Organisation { get; private set; }

    /// <summary>Whether admin links are shown.</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>The insats years to open.</summary>
    public IReadOnlyList<AsfPlatform.Host.Domain.PlanLink> Plans { get; private set; } = [];

    /// <summary>Each visible insats' title by owner and id, so the page names insatser instead of showing their ids.</summary>
    public IReadOnlyDictionary<(string Owner, string Insats), string> InsatsTitles { get; private set; } =
        new Dictionary<(string, string), string>();

    /// <summary>The title of an insats (its id only when it has none).</summary>
    public string TitleOf(string owner, string insatsId) => InsatsTitles.GetValueOrDefault((owner, insatsId)) ?? insatsId;

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync()
    {
        // A user bound to an owner sees that owner only; installation-wide accounts see every owner.
        Owners = (await owners.OwnersAsync()).Where(o => User.CanAccessOwner(o.Id)).ToList();
        Plans = (await owners.PlansAsync()).Where(p => User.CanAccessOwner(p.Owner)).ToList();
        var insatser = Owners.SelectMany(o => o.Insatser.Select(i => (Owner: o.Id, Insats: i)))
            .Concat(Plans.Select(p => (p.Owner, Insats: p.InsatsId))).Distinct().ToList();
        var titles = await Task.WhenAll(insatser.Select(async i => (i, (await reader.InsatsAsync(i.Owner, i.Insats)).Insats?.Title)));
        InsatsTitles = titles.Where(t => t.Title is not null).ToDictionary(t => t.i, t => t.Title!);
        DisplayName = User.GetDisplayName();
        var role = User.GetRole();
        RoleDescription = role?.Describe() ?? "";
        Organisation = User.GetOrganisation();
        IsAdmin = role == AccessRole.Förbundsadmin;
    }
}
