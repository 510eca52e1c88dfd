using AsfPlatform.Contracts;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>
/// The platform's tables as .xlsx, one sheet each: numbers as numbers and dates as dates (so they sum and sort in
/// Excel), the heading frozen, filters on, widths fitted.
/// </summary>
public sealed class SpreadsheetExports(DomainReader reader)
{
    /// <summary>A plan's indicators as of a date: baseline, target, outcome and status.</summary>
    public async Task<SpreadsheetFile> IndicatorsAsync(string owner, string? insatsId, int year, DateOnly? asOf)
    {
        insatsId = await InsatsIdAsync(owner, insatsId);
        var plan = await reader.PlanAsync(owner, insatsId, year);
        if (!plan.Exists)
            throw new NotFoundException($"Handlingsplanen {year}");
        var date = asOf ?? plan.AsOf;
        var indicators = await reader.EvaluateAsync(owner, insatsId, year, date);
        var rows = indicators.Select(i => (IReadOnlyList<object?>)
        [
            i.IndicatorId, i.Title, i.Baseline, i.Target, i.TargetDate, i.Value, i.Women, i.Men, i.Expected,
            i.PercentOfTargetMet is { } p ? Math.Round(p, 1) : null, IndicatorEvaluation.Swedish(i.Status), i.AsOf, i.Source,
        ]).ToList();
        var sheet = new SheetSpec("Indikatorer",
        [
            new("Id"), new("Indikator"), new("Utgångsvärde"), new("Målvärde"), new("Måldatum"), new("Utfall"), new("Kvinnor"), new("Män"),
            new("Förväntat"), new("Procent av målet"), new("Status"), new("Per datum"), new("Källa"),
        ], rows);
        return new SpreadsheetFile(WorkbookWriter.Write([sheet]), $"indikatorer-{owner}-{insatsId}-{year}-{date:yyyy-MM-dd}.xlsx");
    }

    /// <summary>The ASF register: every company with its latest figures.</summary>
    public async Task<SpreadsheetFile> RegisterAsync(string owner)
    {
        if (!(await reader.OwnerAsync(owner)).Exists)
            throw new NotFoundException($"Ägaren {owner}");
        var names = (await reader.MunicipalitiesAsync(owner)).Where(m => m.Exists).ToDictionary(m => m.Kommunkod, m => m.Name);
        var rows = (await reader.CompaniesAsync(owner)).Where(c => c.Company is not null)
            .OrderBy(c => c.Company!.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false))
            .Select(c =>
            {
                var company = c.Company!;
                var latest = c.Figures.MaxBy(f => f.Date);
                return (IReadOnlyList<object?>)
                [
                    company.Id, company.Name, company.OrganisationNumber, SwedishNames.Of(company.LegalForm), company.Kommunkod,
                    names.GetValueOrDefault(company.Kommunkod), company.Sector, company.Criteria.All ? "Ja" : "Nej", company.RegisteredFrom,
                    company.RegisteredTo, latest?.Date, latest?.EmployedWomen, latest?.EmployedMen,
                    latest is null ? null : latest.EmployedTotal ?? latest.EmployedWomen + latest.EmployedMen,
                    latest?.ParticipantsAf, latest?.ParticipantsMunicipality, latest?.ParticipantsOther,
                ];
            }).ToList();
        var sheet = new SheetSpec("ASF-register",
        [
            new("Id"), new("Företag"), new("Organisationsnummer"), new("Företagsform"), new("Kommunkod"), new("Kommun"), new("Bransch"),
            new("Uppfyller kriterierna"), new("Registrerad från"), new("Registrerad till"), new("Siffror per"), new("Anställda kvinnor"),
            new("Anställda män"), new("Anställda totalt"), new("Deltagare via Arbetsförmedlingen"), new("Deltagare via kommunen"),
            new("Deltagare via andra"),
        ], rows);
        return new SpreadsheetFile(WorkbookWriter.Write([sheet]), $"asf-register-{owner}.xlsx");
    }

    /// <summary>An insats' events dated in [<paramref name="from"/>, <paramref name="to"/>] and its placements of those years, a sheet each.</summary>
    public async Task<SpreadsheetFile> EventsAndPlacementsAsync(string owner, string? insatsId, DateOnly? from, DateOnly? to)
    {
        insatsId = await InsatsIdAsync(owner, insatsId);
        var insats = (await reader.InsatsAsync(owner, insatsId)).Insats ?? throw new NotFoundException($"Insatsen {insatsId}");
        var start = from ?? insats.PeriodStart;
        var end = to ?? insats.PeriodEnd;
        if (end < start)
            throw ValidationException.For("till", "Slutdatumet (till) ligger före startdatumet (fran).");
        var names = (await reader.MunicipalitiesAsync(owner)).Where(m => m.Exists).ToDictionary(m => m.Kommunkod, m => m.Name);
        var events = (await reader.EventsAsync(owner, insatsId, start, end)).Select(e => (IReadOnlyList<object?>)
        [
            e.Id, e.Date, SwedishNames.Of(e.Type), e.Title, e.Kommunkod, e.Kommunkod is null ? "Länsövergripande" : names.GetValueOrDefault(e.Kommunkod),
            e.Audience.Politicians, e.Audience.Employees, e.Audience.Organisations, e.Audience.Others,
            Sum(e.Audience.Politicians, e.Audience.Employees, e.Audience.Organisations, e.Audience.Others),
        ]).ToList();
        var placements = (await reader.PlacementsAsync(owner, insatsId)).Where(p => p.Year >= start.Year && p.Year <= end.Year)
            .OrderBy(p => p.Year).ThenBy(p => p.Kommunkod)
            .Select(p => (IReadOnlyList<object?>)
            [
                p.Id, p.Year, p.Kommunkod, names.GetValueOrDefault(p.Kommunkod), p.TargetGroup, p.PlacesGranted, p.DailyRate,
                p.Use?.PlacesUsed, p.Use?.Participants, p.Use?.ParticipantsWomen, p.Use?.ParticipantsMen, p.Use?.Days,
                p.Outcomes?.Work, p.Outcomes?.Studies, p.Outcomes?.Af, p.Outcomes?.BackToPublicSupport, p.Outcomes?.Continued,
            ]).ToList();
        var sheets = new[]
        {
            new SheetSpec("Aktiviteter",
            [
                new("Id"), new("Datum"), new("Typ"), new("Titel"), new("Kommunkod"), new("Kommun"), new("Publik politiker"),
                new("Publik medarbetare"), new("Publik organisationer"), new("Publik övriga"), new("Publik totalt"),
            ], events),
            new SheetSpec("Placeringar",
            [
                new("Id"), new("År"), new("Kommunkod"), new("Kommun"), new("Målgrupp"), new("Beviljade platser"), new("Dagersättning (kr)"),
                new("Nyttjade platser"), new("Deltagare"), new("Deltagare kvinnor"), new("Deltagare män"), new("Dagar"), new("Utfall arbete"),
                new("Utfall studier"), new("Utfall Arbetsförmedlingen"), new("Utfall åter till försörjning"), new("Utfall fortsatt placering"),
            ], placements),
        };
        return new SpreadsheetFile(WorkbookWriter.Write(sheets), $"handelser-{owner}-{insatsId}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.xlsx");
    }

    private static int? Sum(params int?[] parts) => parts.All(p => p is null) ? null : parts.Sum(p => p ?? 0);

    private async Task<string> InsatsIdAsync(string owner, string? insatsId)
    {
        if (insatsId is not null) return insatsId;
        var snapshot = await reader.OwnerAsync(owner);
        if (!snapshot.Exists) throw new NotFoundException($"Ägaren {owner}");
        return snapshot.Insatser.Count == 1 ? snapshot.Insatser[0] : throw ValidationException.For("insats", "Ange vilken insats (insats) som avses.");
    }
}
