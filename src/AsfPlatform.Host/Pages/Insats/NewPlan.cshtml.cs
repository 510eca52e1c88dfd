using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>"Ny handlingsplan": a year of the insats' period, started empty, from the template or from last year.</summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class NewPlanModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = ("ar", "År"), ["from"] = ("start-tom", "Börja från"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public PlanStart From { get; set; } = PlanStart.Template;

    public string Owner { get; private set; } = "";
    public InsatsSnapshot Insats { get; private set; } = null!;

    /// <summary>The years of the period that have no plan yet.</summary>
    public IReadOnlyList<int> FreeYears =>
        Enumerable.Range(Insats.Insats!.PeriodStart.Year, Insats.Insats.PeriodEnd.Year - Insats.Insats.PeriodStart.Year + 1)
            .Except(Insats.PlanYears).ToList();

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId)
    {
        if (!await LoadAsync(owner, insatsId))
            return NotFound();
        Year = FreeYears.FirstOrDefault(y => Insats.PlanYears.Contains(y - 1), FreeYears.FirstOrDefault());
        From = Year is { } y && Insats.PlanYears.Contains(y - 1) ? PlanStart.Previous : PlanStart.Template;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId)
    {
        if (!await LoadAsync(owner, insatsId))
            return NotFound();
        if (BindingFailed())
            return Page();
        if (Year is not { } year)
        {
            Errors.Add("ar", "År", "Ange år.");
            return Page();
        }
        try
        {
            if (await TryChangeAsync(() => writer.CreatePlanAsync(User, owner, insatsId, year, From)))
            {
                TempData["Saved"] = $"Handlingsplanen för {year} är skapad. Fyll i den här.";
                return Redirect($"/insats/{owner}/{insatsId}/{year}/plan");
            }
        }
        catch (AlreadyExistsException exception)
        {
            Errors.Add("ar", "År", exception.Message);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string owner, string insatsId)
    {
        Owner = owner;
        Insats = await reader.InsatsAsync(owner, insatsId);
        return Insats.Exists;
    }
}
