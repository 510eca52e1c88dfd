using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Import;

/// <summary>Export to Excel: links to the indicator table, the ASF register, and events and placements of a period.</summary>
public sealed class ExportModel(DomainReader reader) : PageModel
{
    [FromRoute] public string Owner { get; set; } = "";

    /// <summary>The owner's plans by insats and year ("asf-2016-2020/2017").</summary>
    public IReadOnlyList<string> Insatser { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var owner = await reader.OwnerAsync(Owner);
        if (!owner.Exists) return NotFound();
        Insatser = owner.Insatser;
        return Page();
    }
}
