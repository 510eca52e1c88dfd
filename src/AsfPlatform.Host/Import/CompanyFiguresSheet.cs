using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>
/// Company figures for a year: one row per company and date, pre-filled with the companies of the user's
/// municipalities (all the owner's for the association) and the figures stored for the year. A company is named by
/// its id (column A); its name and municipality are there to read, not read back.
/// </summary>
public sealed class CompanyFiguresSheet : ImportSheet
{
    private const int Id = 1, Name = 2, Kommun = 3, Date = 4, Women = 5, Men = 6, Af = 7, Municipality = 8, Other = 9;

    private static readonly IReadOnlyDictionary<string, int> Fields = new Dictionary<string, int>
    {
        ["datum"] = Date, ["anstalldaKvinnor"] = Women, ["anstalldaMan"] = Men, ["anstalldaTotalt"] = Women,
        ["deltagareAf"] = Af, ["deltagareKommun"] = Municipality, ["deltagareOvriga"] = Other,
    };

    /// <inheritdoc />
    public override ImportKind Kind => ImportKind.CompanyFigures;

    /// <inheritdoc />
    public override string SheetName => "Företagsuppgifter";

    /// <inheritdoc />
    public override IReadOnlyList<SheetColumn> Columns(ImportContext context, ImportSetting setting) =>
    [
        new("Företags-id"), new("Företag"), new("Kommun"), new("Datum"), new("Anställda kvinnor"), new("Anställda män"),
        new("Deltagare via Arbetsförmedlingen"), new("Deltagare via kommunen"), new("Deltagare via andra"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> Instructions(ImportSetting setting) =>
    [
        $"Företagens siffror {setting.Year}",
        "Fyll i bladet \"Företagsuppgifter\": en rad per företag och datum. Företagen i din kommun står redan där, med de siffror som finns registrerade för året.",
        "Ändra inte kolumnen Företags-id eller kolumnernas rubriker. Företag och Kommun visas bara som hjälp och läses inte in.",
        $"Datum skrivs ÅÅÅÅ-MM-DD och ska ligga inom {setting.Year}. Antal skrivs som heltal (0 om inga).",
        "Anställda räknas per kön; deltagare i arbetsträning räknas efter vem som anvisat dem.",
        "Skriv aldrig personnummer eller namn på deltagare i filen: en fil med ett personnummer avvisas i sin helhet.",
        "Ladda upp filen på sidan Import. Du ser först vad som ändras och eventuella fel (blad, cell och orsak); ingenting sparas förrän du bekräftar.",
    ];

    /// <inheritdoc />
    public override async Task<IReadOnlyList<IReadOnlyList<object?>>> TemplateRowsAsync(ImportContext context, ImportSetting setting)
    {
        var year = setting.Year!.Value;
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var company in await CompaniesAsync(context, setting))
        {
            var figures = company.Figures.Where(f => f.Date.Year == year).OrderBy(f => f.Date).ToList();
            if (figures.Count == 0)
                rows.Add([company.Id, company.Company!.Name, setting.Municipalities[company.Kommunkod!], null, null, null, null, null, null]);
            foreach (var f in figures)
                rows.Add(Row(company, setting, f));
        }
        return rows;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<PlannedRow>> ParseAsync(ImportContext context, ImportSetting setting, SheetContent sheet,
        List<CellProblem> problems)
    {
        var year = setting.Year!.Value;
        var columns = Columns(context, setting);
        var companies = (await context.Reader.CompaniesAsync(context.Owner)).Where(c => c.Company is not null).ToDictionary(c => c.Id);
        return await ReadRowsAsync(sheet, problems, columns, Fields, p =>
        {
            var id = p.Text(Id, "Företags-id", required: true);
            var date = p.Date(Date, "Datum", required: true, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"året {year}");
            int? women = p.Count(Women, "Anställda kvinnor", true), men = p.Count(Men, "Anställda män", true),
                af = p.Count(Af, "Deltagare via Arbetsförmedlingen", true), municipality = p.Count(Municipality, "Deltagare via kommunen", true),
                other = p.Count(Other, "Deltagare via andra", true);
            if (id is null) return Task.FromResult<RowFact?>(null);
            if (!companies.TryGetValue(id, out var company))
            {
                p.Problem(Id, $"Företaget \"{id}\" finns inte hos ägaren. Utgå från mallen; nya företag registreras på sidan Företag.");
                return Task.FromResult<RowFact?>(null);
            }
            if (!DomainWriter.MayChange(context.User, company.Kommunkod))
            {
                p.Problem(Id, $"Företaget {company.Company!.Name} hör till kommun {company.Kommunkod}; du får bara rapportera för din egen kommun.");
                return Task.FromResult<RowFact?>(null);
            }
            if (date is null || women is null || men is null || af is null || municipality is null || other is null)
                return Task.FromResult<RowFact?>(null);
            var figures = new CompanyFigures(date.Value, women.Value, men.Value, null, af.Value, municipality.Value, other.Value);
            var before = company.Figures.FirstOrDefault(f => f.Date == figures.Date);
            return Task.FromResult<RowFact?>(new RowFact((id, date.Value), Date,
                earlier => $"Företaget {company.Company!.Name} har redan en rad för {date:yyyy-MM-dd} (rad {earlier}).",
                FactRules.CompanyFigures(figures).Errors, $"{company.Company!.Name} per {figures.Date:yyyy-MM-dd}",
                before is null ? null : Row(company, setting, before), Row(company, setting, figures),
                change => new Write(change, id, before, figures)));
        });
    }

    private static object?[] Row(CompanySnapshot company, ImportSetting setting, CompanyFigures f) =>
        [company.Id, company.Company!.Name, setting.Municipalities.TryGetValue(company.Kommunkod!, out var name) ? name : company.Kommunkod, f.Date,
            f.EmployedWomen, f.EmployedMen, f.ParticipantsAf, f.ParticipantsMunicipality, f.ParticipantsOther];

    private static async Task<IEnumerable<CompanySnapshot>> CompaniesAsync(ImportContext context, ImportSetting setting) =>
        (await context.Reader.CompaniesAsync(context.Owner))
            .Where(c => c.Company is { } company && setting.Municipalities.ContainsKey(company.Kommunkod)
                && (company.RegisteredTo is null || company.RegisteredTo.Value.Year >= setting.Year))
            .OrderBy(c => c.Company!.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false));

    private sealed class Write(ImportRowChange change, string companyId, CompanyFigures? before, CompanyFigures after) : PlannedWrite(change)
    {
        // Each company has its own version: different companies' rows can be written side by side.
        public override string Lane => companyId;

        public override async Task<bool> IsAsPreviewedAsync(ImportContext context) =>
            (await context.Reader.CompanyAsync(context.Owner, companyId)).Figures.FirstOrDefault(f => f.Date == after.Date) == before;

        public override async Task ApplyAsync(ImportContext context)
        {
            var version = (await context.Reader.CompanyAsync(context.Owner, companyId)).Version;
            await context.Writer.RecordCompanyFiguresAsync(context.User, context.Owner, companyId, after, version, context.Reason);
        }

        public override async Task UndoAsync(ImportContext context)
        {
            var version = (await context.Reader.CompanyAsync(context.Owner, companyId)).Version;
            if (before is null)
                await context.Writer.RemoveCompanyFiguresAsync(context.User, context.Owner, companyId, after.Date, version, context.UndoReason);
            else
                await context.Writer.RecordCompanyFiguresAsync(context.User, context.Owner, companyId, before, version, context.UndoReason);
        }
    }
}
