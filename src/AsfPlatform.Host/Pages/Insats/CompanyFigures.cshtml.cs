using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Orleans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the company figures form.</summary>
public sealed class FiguresInput
{
    public DateOnly? Date { get; set; }
    public int EmployedWomen { get; set; }
    public int EmployedMen { get; set; }
    public int ParticipantsAf { get; set; }
    public int ParticipantsMunicipality { get; set; }
    public int ParticipantsOther { get; set; }
}

/// <summary>Updates a company's figures at a date.</summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class CompanyFiguresModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Date"] = ("datum", "Datum"),
        ["anstalldaKvinnor"] = ("anstallda-kvinnor", "Anställda kvinnor"), ["EmployedWomen"] = ("anstallda-kvinnor", "Anställda kvinnor"),
        ["anstalldaMan"] = ("anstallda-man", "Anställda män"), ["EmployedMen"] = ("anstallda-man", "Anställda män"),
        ["deltagareAf"] = ("deltagare-af", "Deltagare via AF"), ["ParticipantsAf"] = ("deltagare-af", "Deltagare via AF"),
        ["deltagareKommun"] = ("deltagare-kommun", "Deltagare via kommunen"), ["ParticipantsMunicipality"] = ("deltagare-kommun", "Deltagare via kommunen"),
        ["deltagareOvriga"] = ("deltagare-ovriga", "Övriga deltagare"), ["ParticipantsOther"] = ("deltagare-ovriga", "Övriga deltagare"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public FiguresInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public CompanySnapshot Company { get; private set; } = null!;

    /// <summary>Whether the form replaces the figures of a date already recorded (then a reason is required).</summary>
    public bool Editing => Input.Date is { } date && Company.Figures.Any(f => f.Date == date);

    public async Task<IActionResult> OnGetAsync(string owner, string companyId, DateOnly? datum)
    {
        if (!await LoadAsync(owner, companyId))
            return NotFound();
        if (!User.CanEditMunicipality(Company.Kommunkod!))
            return Forbid();
        Version = Company.Version;
        if (datum is not null && Company.Figures.All(f => f.Date != datum))
            return NotFound();
        var latest = Company.Figures.FirstOrDefault(f => f.Date == datum) ?? Company.Figures.OrderBy(f => f.Date).LastOrDefault();
        Input = latest is null ? new FiguresInput() : new FiguresInput
        {
            EmployedWomen = latest.EmployedWomen, EmployedMen = latest.EmployedMen, ParticipantsAf = latest.ParticipantsAf,
            ParticipantsMunicipality = latest.ParticipantsMunicipality, ParticipantsOther = latest.ParticipantsOther,
        };
        Input.Date = datum ?? DateOnly.FromDateTime(DateTime.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string companyId)
    {
        if (!await LoadAsync(owner, companyId))
            return NotFound();
        if (BindingFailed())
            return Page();
        if (Input.Date is null)
        {
            Errors.Add("datum", "Datum", "Ange datum.");
            return Page();
        }
        var figures = new CompanyFigures(Input.Date.Value, Input.EmployedWomen, Input.EmployedMen, null, Input.ParticipantsAf,
            Input.ParticipantsMunicipality, Input.ParticipantsOther);
        if (await TryChangeAsync(() => writer.RecordCompanyFiguresAsync(User, owner, companyId, figures, Version, Reason)))
        {
            TempData["Saved"] = $"Siffrorna per {figures.Date:yyyy-MM-dd} är sparade.";
            return Redirect($"/foretag/{owner}/{companyId}/siffror");
        }
        if (Conflict)
            ShowVersion(Company.Version);
        return Page();
    }

    private async Task<bool> LoadAsync(string owner, string companyId)
    {
        Owner = owner;
        Company = await reader.CompanyAsync(owner, companyId);
        Saved = TempData["Saved"] as string;
        return Company.Company is not null;
    }
}
