using AsfPlatform.Host.Domain;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using Orleans;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The ASF register: the owner's companies and municipalities, with links to their forms.</summary>
public sealed class CompaniesModel(DomainReader reader) : PageModel
{
    public string Owner { get; private set; } = "";
    public IReadOnlyList<CompanySnapshot> Companies { get; private set; } = [];
    public IReadOnlyList<MunicipalitySnapshot> Municipalities { get; private set; } = [];

    public bool MayEdit(string? kommunkod) => kommunkod is not null && User.CanEditMunicipality(kommunkod);

    /// <summary>Whether the user may register a company in any of the owner's municipalities.</summary>
    public bool MayAdd => Municipalities.Any(m => m.Exists && MayEdit(m.Kommunkod));

    public async Task OnGetAsync(string owner)
    {
        Owner = owner;
        Companies = (await reader.CompaniesAsync(owner)).OrderBy(c => c.Company?.Name).ToList();
        Municipalities = (await reader.MunicipalitiesAsync(owner)).OrderBy(m => m.Name).ToList();
    }
}
