using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;
using AsfPlatform.Domain.Quality;

namespace AsfPlatform.Domain.Validation;

/// <summary>The validation rules of each fact; grains call these before storing anything.</summary>
public static class FactRules
{
    public static Validator Owner(Owner o) => new Validator()
        .Id("id", o.Id).Text("namn", o.Name, required: true).Enum("typ", o.Kind);

    public static Validator Municipality(Municipality m) => new Validator()
        .Kommunkod("kommunkod", m.Kommunkod).Text("namn", m.Name, required: true);

    public static Validator MunicipalMilestone(MunicipalMilestone m) => new Validator()
        .Id("id", m.Id).Enum("typ", m.Kind).Date("datum", m.Date, required: true).Text("titel", m.Title, required: true).Text("beslutandeOrgan", m.DecidingBody)
        .Text("anteckning", m.Note, Validator.LongText);

    public static Validator Company(Company c) => new Validator()
        .Id("id", c.Id).Text("namn", c.Name, required: true).OrganisationNumber("organisationsnummer", c.OrganisationNumber)
        .Enum("foretagsform", c.LegalForm).Kommunkod("kommunkod", c.Kommunkod).Text("bransch", c.Sector)
        .Date("registreradFran", c.RegisteredFrom).Date("registreradTill", c.RegisteredTo)
        .Ordered("registreradTill", c.RegisteredFrom, c.RegisteredTo).Text("anteckning", c.Note, Validator.LongText);

    public static Validator CompanyFigures(CompanyFigures f)
    {
        var v = new Validator().Date("datum", f.Date, required: true)
            .NonNegative("anstalldaKvinnor", f.EmployedWomen).NonNegative("anstalldaMan", f.EmployedMen)
            .NonNegative("anstalldaTotalt", f.EmployedTotal)
            .NonNegative("deltagareAf", f.ParticipantsAf).NonNegative("deltagareKommun", f.ParticipantsMunicipality)
            .NonNegative("deltagareOvriga", f.ParticipantsOther);
        if (f.EmployedTotal is { } t) v.SumEquals("anstalldaTotalt", t, "kvinnor och män", f.EmployedWomen, f.EmployedMen);
        return v;
    }

    public static Validator Insats(Insats i) => new Validator()
        .Id("id", i.Id).Text("titel", i.Title, required: true)
        .Date("periodStart", i.PeriodStart, required: true).Date("periodSlut", i.PeriodEnd, required: true)
        .Ordered("periodSlut", i.PeriodStart, i.PeriodEnd)
        .Texts("malgrupper", i.TargetGroups, Validator.LongText).Texts("samverkansparter", i.Partners)
        .Texts("overgripandeMal", i.OverarchingGoals, Validator.LongText).Text("beskrivning", i.Description, Validator.LongText)
        .Text("processagare", i.ProcessOwner).Text("processledare", i.ProcessLeader)
        .Require(!ContactDetails(i.ProcessOwner ?? "") && !ContactDetails(i.ProcessLeader ?? ""), "processagare",
            "Roller anges med titel; e-postadresser och telefonnummer får inte lagras.")
        .Within("avslutad", i.ClosedOn, i.PeriodStart, i.PeriodEnd, "insatsens period");

    /// <summary>A closed insats takes no facts dated after its closing (earlier ones may still be corrected).</summary>
    private static Validator NotAfterClosing(this Validator v, string field, DateOnly? date, int? year, Insats i)
    {
        if (i.ClosedOn is not { } closed) return v;
        var after = date is { } d ? d > closed : year > closed.Year;
        return v.Require(!after, field, $"Insatsen avslutades {closed:yyyy-MM-dd}; uppgifter daterade efter det tas inte emot.");
    }

    public static Validator Narrative(NarrativeMilestone m, Insats i) => new Validator()
        .Id("id", m.Id).Text("text", m.Text, Validator.LongText, required: true).Text("etikett", m.Tag)
        .Require(m.Year >= i.PeriodStart.Year && m.Year <= i.PeriodEnd.Year, "ar",
            $"Året {m.Year} ligger utanför insatsens period ({i.PeriodStart.Year}–{i.PeriodEnd.Year}).")
        .Within("datum", m.Date, i.PeriodStart, i.PeriodEnd, "insatsens period")
        .Require(m.Date is not { } d || d.Year == m.Year, "datum", $"Datumet {m.Date:yyyy-MM-dd} ligger inte i milstolpens år {m.Year}.")
        .NotAfterClosing(m.Date is null ? "ar" : "datum", m.Date, m.Year, i);

    public static Validator Event(InformationEvent e, Insats i)
    {
        var v = new Validator()
            .Id("id", e.Id).Within("datum", e.Date, i.PeriodStart, i.PeriodEnd, "insatsens period").Enum("typ", e.Type)
            .Text("titel", e.Title, required: true).Kommunkod("kommunkod", e.Kommunkod, required: false)
            .Texts("arrangorer", e.Organisers).Text("processmal", e.ProcessGoalId).Text("anteckning", e.Note, Validator.LongText)
            .NonNegative("publik.politiker", e.Audience.Politicians).NonNegative("publik.medarbetare", e.Audience.Employees)
            .NonNegative("publik.organisationer", e.Audience.Organisations).NonNegative("publik.ovriga", e.Audience.Others)
            .NotAfterClosing("datum", e.Date, null, i);
        return v;
    }

    public static Validator Placement(Placement p, Insats i)
    {
        var v = new Validator()
            .Id("id", p.Id).Kommunkod("kommunkod", p.Kommunkod).Text("malgrupp", p.TargetGroup, required: true)
            .NonNegative("beviljadePlatser", p.PlacesGranted).NonNegative("dagersattning", p.DailyRate)
            .Text("anteckning", p.Note, Validator.LongText)
            .Require(p.Year >= i.PeriodStart.Year && p.Year <= i.PeriodEnd.Year, "ar",
                $"Året {p.Year} ligger utanför insatsens period ({i.PeriodStart.Year}–{i.PeriodEnd.Year}).")
            .NotAfterClosing("ar", null, p.Year, i);
        if (p.Use is { } u)
        {
            v.NonNegative("nyttjande.nyttjadePlatser", u.PlacesUsed).NonNegative("nyttjande.deltagare", u.Participants)
                .NonNegative("nyttjande.kvinnor", u.ParticipantsWomen).NonNegative("nyttjande.man", u.ParticipantsMen)
                .NonNegative("nyttjande.dagar", u.Days)
                .AtMost("nyttjande.nyttjadePlatser", u.PlacesUsed, p.PlacesGranted, "antalet beviljade platser")
                .SumEquals("nyttjande.deltagare", u.Participants, "kvinnor och män", u.ParticipantsWomen, u.ParticipantsMen);
        }
        if (p.Outcomes is { } o)
        {
            v.NonNegative("utfall.arbete", o.Work).NonNegative("utfall.studier", o.Studies).NonNegative("utfall.af", o.Af)
                .NonNegative("utfall.ater", o.BackToPublicSupport).NonNegative("utfall.fortsatt", o.Continued)
                // Outcomes by sex as the source states them: more than took part is a data-quality finding, not a refusal.
                .NonNegative("utfall.women", o.Women).NonNegative("utfall.men", o.Men)
                // Summed as long: four parts each below the bound can still overflow an int.
                .AtMost("utfall", (long)o.Work + o.Studies + o.Af + o.BackToPublicSupport + o.Continued, p.Use?.Participants ?? 0,
                    "antalet deltagare");
        }
        return v;
    }

    public static Validator Survey(CountySurvey s) => new Validator()
        .Require(s.Year is >= 2000 and <= 2100, "ar", $"Året {s.Year} är orimligt.")
        .Require(s.Date.Year == s.Year, "datum", "Datumet ska ligga inom uppföljningsåret.")
        .Require(s.CompaniesBySubregion.Select(c => c.Subregion).Distinct().Count() == s.CompaniesBySubregion.Count,
            "foretagPerDelregion", "Varje delregion får förekomma en gång.")
        .Merge("foretagPerDelregion", s.CompaniesBySubregion.SelectMany(c => new Validator().NonNegative("antal", c.Companies).Errors))
        .NonNegative("foretagAngivet", s.CompaniesStated)
        .NonNegative("anstalldaKvinnor", s.EmployedWomen).NonNegative("anstalldaMan", s.EmployedMen)
        .NonNegative("anstalldaAngivet", s.EmployedStated)
        .NonNegative("deltagareAf", s.ParticipantsAf).NonNegative("deltagareKommun", s.ParticipantsMunicipality)
        .NonNegative("deltagareOvriga", s.ParticipantsOther).NonNegative("deltagareAngivet", s.ParticipantsStated)
        .NonNegative("informeradePersoner", s.PeopleInformed).Text("kalla", s.Source, Validator.LongText);

    public static Validator StatedTotal(StatedTotal t) => new Validator()
        .Id("id", t.Id).Text("etikett", t.Label, required: true).Text("kalla", t.Source, required: true)
        .NonNegative("varde", t.Value).Ordered("till", t.From, t.To);

    public static Validator Plan(PlanContent p, int year)
    {
        var v = new Validator().Text("titel", p.Title, required: true);
        for (var i = 0; i < p.Sections.Count; i++)
            v.Text($"avsnitt[{i}].nummer", p.Sections[i].Number, 20, true).Text($"avsnitt[{i}].rubrik", p.Sections[i].Title, required: true)
             .Text($"avsnitt[{i}].text", p.Sections[i].Text, Validator.LongText);
        var goalIds = p.Goals.Select(g => g.Id).ToHashSet();
        for (var i = 0; i < p.Goals.Count; i++)
            v.Text($"processmal[{i}].id", p.Goals[i].Id, 20, true).Text($"processmal[{i}].text", p.Goals[i].Text, Validator.LongText, true);
        Unique(v, "processmal", p.Goals.Select(g => g.Id));
        for (var i = 0; i < p.Activities.Count; i++)
        {
            var a = p.Activities[i];
            v.Id($"aktiviteter[{i}].id", a.Id).Text($"aktiviteter[{i}].aktivitet", a.Activity, 2000, true)
             .Text($"aktiviteter[{i}].hur", a.How, 4000).Text($"aktiviteter[{i}].ansvarig", a.Responsible, 500)
             .Text($"aktiviteter[{i}].nar", a.When, 500)
             .Require(goalIds.Contains(a.GoalId), $"aktiviteter[{i}].processmal", $"Processmålet '{a.GoalId}' finns inte i planen.");
        }
        Unique(v, "aktiviteter", p.Activities.Select(a => a.Id));
        for (var i = 0; i < p.Indicators.Count; i++) v.Merge($"indikatorer[{i}]", Indicator(p.Indicators[i], goalIds).Errors);
        Unique(v, "indikatorer", p.Indicators.Select(a => a.Id));
        for (var i = 0; i < p.Budget.Count; i++)
            v.Id($"budget[{i}].id", p.Budget[i].Id).Text($"budget[{i}].rubrik", p.Budget[i].Title, required: true)
             .NonNegative($"budget[{i}].belopp", p.Budget[i].Amount);
        for (var i = 0; i < p.Organisation.Count; i++)
            v.Text($"organisation[{i}].roll", p.Organisation[i].Role, required: true)
             .Text($"organisation[{i}].titel", p.Organisation[i].Title, required: true)
             .Require(!ContactDetails(p.Organisation[i].Title), $"organisation[{i}].titel",
                 "Roller anges med titel; e-postadresser och telefonnummer får inte lagras.");
        v.Require(year is >= 2000 and <= 2100, "ar", $"Året {year} är orimligt.");
        // A plan is decided in the autumn before its year at the earliest seen, or during it; two years' margin.
        v.Date("beslutad", p.DecidedOn);
        if (year is >= 2000 and <= 2100)
            v.Within("beslutad", p.DecidedOn, new DateOnly(year - 2, 1, 1), new DateOnly(year, 12, 31), $"tiden då planen för {year} kan beslutas");
        return v;
    }

    public static Validator Indicator(IndicatorDefinition d, IReadOnlySet<string> goalIds)
    {
        var v = new Validator().Id("id", d.Id).Text("titel", d.Title, 500, true).Enum("typ", d.Kind).Enum("riktning", d.Direction)
            .Enum("kalla", d.Source.Metric).Text("malbild", d.TargetText, 1000).Text("anteckning", d.Note, 2000).Text("enhet", d.Unit, 50)
            .Require(d.GoalId is null || goalIds.Contains(d.GoalId), "processmal", $"Processmålet '{d.GoalId}' finns inte i planen.")
            .Require(d.Kind != IndicatorKind.Rate || d.Source.Denominator is not null, "kalla.namnare", "En andel behöver en nämnare.")
            .Require(d.Kind != IndicatorKind.CountInPeriod || d.PeriodStart is not null, "periodStart", "Ett antal under en period behöver periodens start.")
            .Require(d.Kind != IndicatorKind.GrowthRelativeToBaseline || d.BaselineValue is not null || d.BaselineDate is not null,
                "utgangslage", "En tillväxt behöver ett utgångsläge (värde eller datum).")
            .Require(d.Kind is not (IndicatorKind.CountInPeriod or IndicatorKind.Rate) || MetricCatalog.ModeOf(d.Source.Metric) == MetricMode.Flow,
                "kalla", "Antal och andelar under en period kräver en flödesmått (t.ex. aktiviteter, placeringar).")
            .Require(d.Kind is not (IndicatorKind.StockAtDate or IndicatorKind.GrowthRelativeToBaseline) || MetricCatalog.ModeOf(d.Source.Metric) == MetricMode.Stock,
                "kalla", "Ett värde vid en tidpunkt kräver ett lägesmått (t.ex. anställda, kommuner i stödstruktur).")
            .Date("utgangslageDatum", d.BaselineDate).Date("malDatum", d.TargetDate, required: true).Date("periodStart", d.PeriodStart)
            .Ordered("malDatum", d.BaselineDate, d.TargetDate).Ordered("malDatum", d.PeriodStart, d.TargetDate);
        if (d.EffectiveScope.Level == ScopeLevel.Municipality) v.Kommunkod("omfattning.kod", d.EffectiveScope.Code);
        if (d.EffectiveScope.Level == ScopeLevel.Subregion)
            v.SubregionId("omfattning.kod", d.EffectiveScope.Code); // the owner names its subregions; the code is one of their ids
        return v;
    }

    private static void Unique(Validator v, string field, IEnumerable<string> ids)
    {
        foreach (var dup in ids.GroupBy(x => x).Where(g => g.Count() > 1))
            v.Add(field, $"Id '{dup.Key}' förekommer flera gånger.");
    }

    private static bool ContactDetails(string s) =>
        s.Contains('@') || System.Text.RegularExpressions.Regex.IsMatch(s, @"\d{2,4}[ -]?\d{2,3}[ -]?\d{2}[ -]?\d{2}");
}
