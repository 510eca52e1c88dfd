using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Validation;
using Orleans;

namespace AsfPlatform.Host.Domain;

// The ASF register, insatser and new yearly plans: created and edited from the web and the API alike.
public sealed partial class DomainWriter
{
    /// <summary>
    /// The register's inputs are named in the API as their JSON properties; the domain's rules name fields in Swedish.
    /// Refusals of these writes name the field as the caller sent it (an unknown name is left as it is).
    /// </summary>
    private static readonly Dictionary<string, string> RegisterFieldNames = new(StringComparer.Ordinal)
    {
        ["namn"] = "name", ["organisationsnummer"] = "organisationNumber", ["foretagsform"] = "legalForm",
        ["bransch"] = "sector", ["registreradTill"] = "registeredTo", ["anteckning"] = "note", ["titel"] = "title",
        ["periodSlut"] = "periodEnd", ["malgrupper"] = "targetGroups", ["samverkansparter"] = "partners",
        ["overgripandeMal"] = "overarchingGoals", ["beskrivning"] = "description", ["processagare"] = "processOwner",
        ["processledare"] = "processLeader", ["avslutad"] = "date", ["ar"] = "year",
    };

    /// <summary>Registers a new company of the owner (partner offices: in their own municipality). Without an id,
    /// one is made from the name ("asf-gladjeverket"), unique among the owner's companies.</summary>
    public async Task<CompanySnapshot> CreateCompanyAsync(ClaimsPrincipal user, string owner, Company company)
    {
        await RequireOwnerMunicipalityAsync(user, owner, company.Kommunkod);
        company = Normalized(company);
        var id = string.IsNullOrWhiteSpace(company.Id)
            ? await Identifiers.FirstFreeAsync(Identifiers.FromName("asf-", company.Name), async c => (await CompanyGrain(owner, c).GetSnapshot()).Company is not null)
            : company.Id;
        company = company with { Id = id };
        var key = GrainKeys.Company(owner, id);
        var note = Note(user, Company, key, $"företag registrerat: {company.Name}", null, company);
        return await InApiTerms(() =>
        {
            FactRules.Company(company).ThrowIfInvalid(); // before the id reaches a grain key
            return grains.GetGrain<ICompanyGrain>(key).Register(new RegisterCompany(company, CreateOnly: true, Audit: note));
        });
    }

    /// <summary>Changes a company (partner offices: one of their own municipality, which it stays in).</summary>
    public async Task<CompanySnapshot> UpdateCompanyAsync(ClaimsPrincipal user, string owner, string companyId, Company company, long expected)
    {
        var (key, grain, before) = await RequireCompanyAsync(user, owner, companyId);
        await RequireOwnerMunicipalityAsync(user, owner, company.Kommunkod);
        company = Normalized(company) with { Id = companyId };
        var note = Note(user, Company, key, $"företag ändrat: {company.Name}", before.Company, company);
        return await InApiTerms(() => grain.Register(new RegisterCompany(company, expected, Audit: note)));
    }

    /// <summary>Closes a company at a date (today when none is given): it keeps its figures and history.</summary>
    public async Task<CompanySnapshot> CloseCompanyAsync(ClaimsPrincipal user, string owner, string companyId, DateOnly? date, long expected)
    {
        var (key, grain, before) = await RequireCompanyAsync(user, owner, companyId);
        var on = date ?? DateOnly.FromDateTime(DateTime.Today);
        var note = Note(user, Company, key, $"företag avslutat per {on:yyyy-MM-dd}", before.Company, before.Company! with { RegisteredTo = on });
        return await InApiTerms(() => grain.Close(new CloseCompany(on, expected, note)));
    }

    /// <summary>Defines a new insats (the association only). Without an id, one is made from the title.</summary>
    public async Task<InsatsSnapshot> CreateInsatsAsync(ClaimsPrincipal user, string owner, Insats insats)
    {
        RequireAdmin(user);
        await RequireOwnerAsync(owner);
        insats = Normalized(insats);
        if (string.IsNullOrWhiteSpace(insats.Id))
            insats = insats with { Id = await Identifiers.FirstFreeAsync(Identifiers.FromName("", insats.Title), async i => (await InsatsGrain(owner, i).GetSnapshot()).Exists) };
        var key = GrainKeys.Insats(owner, insats.Id);
        var note = Note(user, Insats, key, $"insats skapad: {insats.Title}", null, insats);
        return await InApiTerms(() =>
        {
            FactRules.Insats(insats).ThrowIfInvalid(); // before the id reaches a grain key
            return grains.GetGrain<IInsatsGrain>(key).Define(new DefineInsats(insats, CreateOnly: true, Audit: note));
        });
    }

    /// <summary>Changes an insats' title, period, purpose, target groups, partners, goals and roles (the association only).</summary>
    public async Task<InsatsSnapshot> UpdateInsatsAsync(ClaimsPrincipal user, string owner, string insatsId, Insats insats, long expected)
    {
        RequireAdmin(user);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = await grain.GetSnapshot();
        // A redefinition keeps the closing date (closing has its own command), as the grain does.
        insats = Normalized(insats) with { Id = insatsId, ClosedOn = before.Insats?.ClosedOn };
        var note = Note(user, Insats, key, "insats ändrad", before.Insats, insats);
        return await InApiTerms(() => grain.Define(new DefineInsats(insats, expected, Audit: note)));
    }

    /// <summary>Closes an insats at a date in its period (its end when none is given); later facts are refused.</summary>
    public async Task<InsatsSnapshot> CloseInsatsAsync(ClaimsPrincipal user, string owner, string insatsId, DateOnly? date, long expected)
    {
        RequireAdmin(user);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = await grain.GetSnapshot();
        var on = date ?? before.Insats!.PeriodEnd;
        var note = Note(user, Insats, key, $"insats avslutad per {on:yyyy-MM-dd}", before.Insats, before.Insats! with { ClosedOn = on });
        return await InApiTerms(() => grain.Close(new CloseInsats(on, expected, note)));
    }

    /// <summary>
    /// Creates the yearly plan of a year in the insats' period (the association only): empty, from the handlingsplan
    /// template, or as a copy of the previous year's plan. Fails with <see cref="AlreadyExistsException"/> when it exists.
    /// </summary>
    public async Task<PlanSnapshot> CreatePlanAsync(ClaimsPrincipal user, string owner, string insatsId, int year, PlanStart from)
    {
        RequireAdmin(user);
        var insats = (await (await RequireInsatsAsync(GrainKeys.Insats(owner, insatsId), insatsId)).GetSnapshot()).Insats!;
        if (year < insats.PeriodStart.Year || year > insats.PeriodEnd.Year)
            throw ValidationException.For("year", $"Året {year} ligger utanför insatsens period ({insats.PeriodStart.Year}–{insats.PeriodEnd.Year}).");
        var key = GrainKeys.Plan(owner, insatsId, year);
        var grain = grains.GetGrain<IYearlyPlanGrain>(key);
        if ((await grain.GetSnapshot()).Exists)
            throw new AlreadyExistsException($"Handlingsplanen för {year}");
        var how = from switch { PlanStart.Template => "från mallen", PlanStart.Previous => $"som kopia av {year - 1}", _ => "tom" };
        // No after here: the plan grain writes the content it starts with into the note (a copy is made there).
        var note = Note(user, Plan, key, $"handlingsplan skapad {how}", null, null);
        return await InApiTerms(async () =>
        {
            if (from != PlanStart.Previous)
                return await grain.Create(new CreatePlan(from == PlanStart.Template ? PlanTemplates.Template(year) : PlanTemplates.Empty(year), note));
            var previous = grains.GetGrain<IYearlyPlanGrain>(GrainKeys.Plan(owner, insatsId, year - 1));
            if (!(await previous.GetSnapshot()).Exists)
                throw ValidationException.For("from", $"Det finns ingen handlingsplan för {year - 1} att kopiera.");
            return await previous.CreateNextYear(note);
        });
    }

    private async Task<(string Key, ICompanyGrain Grain, CompanySnapshot Before)> RequireCompanyAsync(ClaimsPrincipal user, string owner, string companyId)
    {
        var key = GrainKeys.Company(owner, companyId);
        var grain = grains.GetGrain<ICompanyGrain>(key);
        var before = await grain.GetSnapshot();
        if (before.Company is null)
            throw new NotFoundException($"Företaget {companyId}");
        RequireMunicipality(user, before.Kommunkod!);
        return (key, grain, before);
    }

    /// <summary>A company belongs to one of the owner's municipalities, and a partner office registers in its own.</summary>
    private async Task RequireOwnerMunicipalityAsync(ClaimsPrincipal user, string owner, string? kommunkod)
    {
        var (_, _, snapshot) = await RequireOwnerAsync(owner);
        if (string.IsNullOrWhiteSpace(kommunkod))
            throw ValidationException.For("kommunkod", "Kommunkod måste anges.");
        RequireMunicipality(user, kommunkod);
        if (!snapshot.Municipalities.Contains(kommunkod))
            throw ValidationException.For("kommunkod", $"Kommun {kommunkod} hör inte till {snapshot.Name}; välj en av ägarens kommuner.");
    }

    // JSON leaves out what a caller did not send: lists become empty and criteria all unmet, never null.
    private static Company Normalized(Company c) => c with
    {
        Id = c.Id?.Trim() ?? "",
        Name = c.Name?.Trim() ?? "",
        Criteria = c.Criteria ?? new DefinitionCriteria(false, false, false, false),
        OrganisationNumber = string.IsNullOrWhiteSpace(c.OrganisationNumber) ? null : c.OrganisationNumber.Trim(),
    };

    private static Insats Normalized(Insats i) => i with
    {
        Id = i.Id?.Trim() ?? "",
        Title = i.Title?.Trim() ?? "",
        TargetGroups = i.TargetGroups ?? [],
        Partners = i.Partners ?? [],
        OverarchingGoals = i.OverarchingGoals ?? [],
    };

    private ICompanyGrain CompanyGrain(string owner, string id) => grains.GetGrain<ICompanyGrain>(GrainKeys.Company(owner, id));

    private IInsatsGrain InsatsGrain(string owner, string id) => grains.GetGrain<IInsatsGrain>(GrainKeys.Insats(owner, id));

    private static async Task<T> InApiTerms<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (ValidationException exception)
        {
            throw new ValidationException(exception.Errors.Select(e => e with { Field = ApiName(e.Field) }).ToList());
        }
    }

    // "malgrupper[2]" → "targetGroups[2]": the first segment is renamed, indexes and nested names are kept.
    private static string ApiName(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        var head = end < 0 ? field : field[..end];
        return RegisterFieldNames.TryGetValue(head, out var name) ? name + field[head.Length..] : field;
    }
}
