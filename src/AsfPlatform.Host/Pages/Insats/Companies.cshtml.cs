using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Runtime;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The owner's companies and municipalities, with links to their forms.</summary>
public sealed class CompaniesModel(IGrainFactory grains) : PageModel
{
    public string Owner { get; private set; } = "";
    public IReadOnlyList<CompanySnapshot> Companies { get; private set; } = [];
    public IReadOnlyList<MunicipalitySnapshot> Municipalities { get; private set; } = [];

    public bool MayEdit(string? kommunkod) => kommunkod is not null && User.CanEditMunicipality(kommunkod);

    public async Task OnGetAsync(string owner)
    {
        Owner = owner;
        var directory = grains.GetGrain<IOwnerDirectoryGrain>(GrainKeys.Owner(owner));
        Companies = (await directory.GetCompanies()).OrderBy(c => c.Company?.Name).ToList();
        Municipalities = (await directory.GetMunicipalities()).OrderBy(m => m.Name).ToList();
    }
}
