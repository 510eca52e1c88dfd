using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the company form.</summary>
public sealed class CompanyInput
{
    public string? Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public LegalForm LegalForm { get; set; } = LegalForm.EkonomiskForening;
    public string? Kommunkod { get; set; }
    public string? Sector { get; set; }
    public bool IntegrationAim { get; set; }
    public bool Participation { get; set; }
    public bool ProfitsReinvested { get; set; }
    public bool Independent { get; set; }
    public DateOnly? RegisteredFrom { get; set; }
    public DateOnly? RegisteredTo { get; set; }
    public string? Note { get; set; }
    public DateOnly? CloseDate { get; set; }
}

/// <summary>Adds a company to the ASF register, or edits or closes one (partner offices: their own municipality).</summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class CompanyFormModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = ("namn", "Namn"), ["name"] = ("namn", "Namn"),
        ["organisationNumber"] = ("organisationsnummer", "Organisationsnummer"),
        ["legalForm"] = ("foretagsform", "Företagsform"), ["kommunkod"] = ("kommun", "Kommun"), ["sector"] = ("bransch", "Bransch"),
        ["registeredFrom"] = ("registrerad-fran", "Registrerat från"), ["registeredTo"] = ("registrerad-till", "Registrerat till"),
        ["note"] = ("anteckning", "Anteckning"), ["closeDate"] = ("avslutas", "Avslutas per"), ["date"] = ("avslutas", "Avslutas per"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public string? CompanyId { get; private set; }
    public CompanySnapshot? Company { get; private set; }

    /// <summary>The owner's municipalities the user may register companies in.</summary>
    public IReadOnlyList<MunicipalitySnapshot> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string owner, string? companyId)
    {
        if (await LoadAsync(owner, companyId) is { } refused)
            return refused;
        Input = FromCompany(Company?.Company) ?? new CompanyInput { Kommunkod = OwnKommunkod };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string? companyId)
    {
        if (await LoadAsync(owner, companyId) is { } refused)
            return refused;
        if (BindingFailed())
            return Page();
        var company = new Company(companyId ?? "", Input.Name ?? "", Input.OrganisationNumber, Input.LegalForm, Input.Kommunkod ?? "",
            Input.Sector, new(Input.IntegrationAim, Input.Participation, Input.ProfitsReinvested, Input.Independent),
            Input.RegisteredFrom, Input.RegisteredTo, Input.Note);
        CompanySnapshot? saved = null;
        if (await TryChangeAsync(async () => saved = companyId is null
                ? await writer.CreateCompanyAsync(User, owner, company)
                : await writer.UpdateCompanyAsync(User, owner, companyId, company, Version)))
        {
            TempData["Saved"] = companyId is null ? $"{company.Name} är registrerat i ASF-registret." : "Företagets uppgifter är sparade.";
            return Redirect($"/asf-register/{owner}/{saved!.Id}");
        }
        if (Conflict)
        {
            ShowVersion(Company!.Version);
            Input = FromCompany(Company.Company)!;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(string owner, string companyId)
    {
        if (await LoadAsync(owner, companyId) is { } refused)
            return refused;
        if (BindingFailed())
            return Page();
        if (await TryChangeAsync(() => writer.CloseCompanyAsync(User, owner, companyId, Input.CloseDate, Version)))
        {
            TempData["Saved"] = "Företaget är avslutat i registret. Det och dess siffror finns kvar i historiken.";
            return Redirect($"/asf-register/{owner}/{companyId}");
        }
        if (Conflict)
            ShowVersion(Company!.Version);
        Input = FromCompany(Company!.Company)!;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string owner, string? companyId)
    {
        (Owner, CompanyId) = (owner, companyId);
        Saved = TempData["Saved"] as string;
        var municipalities = await reader.MunicipalitiesAsync(owner);
        Choices = municipalities.Where(m => m.Exists && User.CanEditMunicipality(m.Kommunkod)).OrderBy(m => m.Name).ToList();
        if (companyId is null)
            return municipalities.Count == 0 ? NotFound() : null;
        Company = await reader.CompanyAsync(owner, companyId);
        if (Company.Company is null)
            return NotFound();
        if (!User.CanEditMunicipality(Company.Kommunkod!))
            return Forbid();
        if (!Request.HasFormContentType)
            Version = Company.Version;
        return null;
    }

    private static CompanyInput? FromCompany(Company? c) => c is null ? null : new()
    {
        Name = c.Name, OrganisationNumber = c.OrganisationNumber, LegalForm = c.LegalForm, Kommunkod = c.Kommunkod, Sector = c.Sector,
        IntegrationAim = c.Criteria.IntegrationAim, Participation = c.Criteria.Participation,
        ProfitsReinvested = c.Criteria.ProfitsReinvested, Independent = c.Criteria.Independent,
        RegisteredFrom = c.RegisteredFrom, RegisteredTo = c.RegisteredTo, Note = c.Note,
    };
}
