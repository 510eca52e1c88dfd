using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Indicators;

/// <summary>Turns facts into observations. Each function returns everything one source contributes, so a change is
/// propagated as "replace the observations of this source" — proportional to the change, not to the world.</summary>
public static class Observations
{
    public static string EventSource(string id) => $"event/{id}";
    /// <summary>Whether a source id names an information event (see <see cref="EventSource"/>).</summary>
    public static bool IsEventSource(string sourceId) => sourceId.StartsWith("event/", StringComparison.Ordinal);
    public static string PlacementSource(string id) => $"placement/{id}";
    public static string NarrativeSource(string id) => $"milestone/{id}";
    public static string CompanySource(string id) => $"company/{id}";
    public static string MunicipalitySource(string code) => $"municipality/{code}";
    public static string SurveySource(int year) => $"survey/{year}";

    public static IReadOnlyList<Observation> FromEvent(InformationEvent e)
    {
        var src = EventSource(e.Id);
        var sub = Kommunkod.SubregionOf(e.Kommunkod);
        var cat = e.Type.ToString();
        Observation Obs(MetricKind m, decimal v) => new(m, src, src, e.Date, v, Kommunkod: e.Kommunkod, Subregion: sub, Category: cat);
        var list = new List<Observation> { Obs(MetricKind.InformationEvents, 1) };
        if (e.Audience.Politicians is { } p) list.Add(Obs(MetricKind.InformedPoliticians, p));
        if (e.Audience.Employees is { } em)
        {
            list.Add(Obs(MetricKind.InformedEmployees, em));
            // Staff are the people in the target group an event informs: the indicator "medarbetare som fått
            // information" reads PeopleInformed, which otherwise only the yearly county survey fed, so it never moved.
            list.Add(Obs(MetricKind.PeopleInformed, em));
        }
        if (e.Audience.Organisations is { } o) list.Add(Obs(MetricKind.InformedOrganisations, o));
        if (e.Audience.Others is { } ot) list.Add(Obs(MetricKind.InformedOthers, ot));
        return list;
    }

    /// <summary>Placements count in the grant year; they are dated 31 December of that year.</summary>
    public static IReadOnlyList<Observation> FromPlacement(Placement p)
    {
        var src = PlacementSource(p.Id);
        var date = new DateOnly(p.Year, 12, 31);
        var sub = Kommunkod.SubregionOf(p.Kommunkod);
        Observation Obs(MetricKind m, decimal v, int? w = null, int? men = null) =>
            new(m, src, src, date, v, w, men, p.Kommunkod, sub, p.TargetGroup);
        var list = new List<Observation> { Obs(MetricKind.PlacesGranted, p.PlacesGranted) };
        if (p.Use is { } u)
        {
            list.Add(Obs(MetricKind.PlacesUsed, u.PlacesUsed));
            list.Add(Obs(MetricKind.PlacementParticipants, u.Participants, u.ParticipantsWomen, u.ParticipantsMen));
            if (u.Days is { } d) list.Add(Obs(MetricKind.PlacementDays, d));
        }
        if (p.Outcomes is { } o)
        {
            list.Add(Obs(MetricKind.PlacementOutcomeWork, o.Work));
            list.Add(Obs(MetricKind.PlacementOutcomeStudies, o.Studies));
            list.Add(Obs(MetricKind.PlacementOutcomeWorkOrStudies, o.Work + o.Studies));
            list.Add(Obs(MetricKind.PlacementOutcomeAf, o.Af));
            list.Add(Obs(MetricKind.PlacementOutcomeBackToPublicSupport, o.BackToPublicSupport));
            list.Add(Obs(MetricKind.PlacementOutcomeContinued, o.Continued));
        }
        return list;
    }

    /// <summary>Narrative milestones count only when dated and tagged (so yes/no indicators can refer to them).</summary>
    public static IReadOnlyList<Observation> FromNarrative(NarrativeMilestone m)
    {
        if (m.Tag is null) return [];
        var date = m.Date ?? new DateOnly(m.Year, 12, 31);
        var src = NarrativeSource(m.Id);
        return [new(MetricKind.InsatsMilestones, src, src, date, 1, Category: m.Tag)];
    }

    /// <summary>A company's registration (1 from, 0 after) and each dated set of figures.</summary>
    public static IReadOnlyList<Observation> FromCompany(Company c, IEnumerable<CompanyFigures> figures)
    {
        var src = CompanySource(c.Id);
        var sub = Kommunkod.SubregionOf(c.Kommunkod);
        Observation Obs(MetricKind m, DateOnly d, decimal v, string series, int? w = null, int? men = null, string? cat = null) =>
            new(m, src, series, d, v, w, men, c.Kommunkod, sub, cat);
        var list = new List<Observation>();
        if (c.RegisteredFrom is { } from) list.Add(Obs(MetricKind.RegisteredCompanies, from, 1, src));
        if (c.RegisteredTo is { } to) list.Add(Obs(MetricKind.RegisteredCompanies, to.AddDays(1), 0, src));
        foreach (var f in figures)
        {
            list.Add(Obs(MetricKind.Employed, f.Date, f.EmployedWomen + f.EmployedMen, src, f.EmployedWomen, f.EmployedMen));
            list.Add(Obs(MetricKind.Participants, f.Date, f.ParticipantsAf, src + "/af", cat: "af"));
            list.Add(Obs(MetricKind.Participants, f.Date, f.ParticipantsMunicipality, src + "/kommun", cat: "kommun"));
            list.Add(Obs(MetricKind.Participants, f.Date, f.ParticipantsOther, src + "/ovrig", cat: "ovrig"));
            list.Add(Obs(MetricKind.Engaged, f.Date,
                f.EmployedWomen + f.EmployedMen + f.ParticipantsAf + f.ParticipantsMunicipality + f.ParticipantsOther, src));
        }
        return list;
    }

    /// <summary>Milestones of one municipality. Membership of a support structure is a stock (1 joined, 0 left);
    /// policy and cooperation group count the municipality once from the first such milestone.</summary>
    public static IReadOnlyList<Observation> FromMunicipality(Municipality m, IEnumerable<MunicipalMilestone> milestones)
    {
        var src = MunicipalitySource(m.Kommunkod);
        Observation Obs(MetricKind k, DateOnly d, decimal v, string? cat = null) =>
            new(k, src, src, d, v, Kommunkod: m.Kommunkod, Subregion: m.Subregion, Category: cat);
        var list = new List<Observation>();
        var ordered = milestones.OrderBy(x => x.Date).ToList();
        foreach (var x in ordered)
        {
            switch (x.Kind)
            {
                case MunicipalMilestoneKind.JoinedSupportStructure:
                    list.Add(Obs(MetricKind.MunicipalitiesInSupportStructure, x.Date, 1)); break;
                case MunicipalMilestoneKind.LeftSupportStructure:
                    list.Add(Obs(MetricKind.MunicipalitiesInSupportStructure, x.Date, 0)); break;
                case MunicipalMilestoneKind.SocialProcurement or MunicipalMilestoneKind.ReservedContract:
                    list.Add(Obs(MetricKind.SocialProcurements, x.Date, 1, x.Kind.ToString())); break;
                case MunicipalMilestoneKind.IopAgreement:
                    list.Add(Obs(MetricKind.IopAgreements, x.Date, 1)); break;
            }
        }
        var policy = ordered.FirstOrDefault(x => x.Kind is MunicipalMilestoneKind.PolicyAdopted
            or MunicipalMilestoneKind.GuidelinesAdopted or MunicipalMilestoneKind.ActionPlanAdopted);
        if (policy is not null) list.Add(Obs(MetricKind.MunicipalitiesWithPolicy, policy.Date, 1));
        var group = ordered.FirstOrDefault(x => x.Kind == MunicipalMilestoneKind.LocalCooperationGroupFormed);
        if (group is not null) list.Add(Obs(MetricKind.MunicipalitiesWithCooperationGroup, group.Date, 1));
        return list;
    }

    /// <summary>County survey figures. Totals are computed from the parts (companies per subregion, participants by
    /// referrer), never taken from the stated totals.</summary>
    public static IReadOnlyList<Observation> FromSurvey(CountySurvey s)
    {
        var src = SurveySource(s.Year);
        var list = new List<Observation>();
        foreach (var c in s.CompaniesBySubregion)
            list.Add(new(MetricKind.RegisteredCompanies, src, $"survey/{c.Subregion}", s.Date, c.Companies, Subregion: c.Subregion));
        list.Add(new(MetricKind.Employed, src, "survey", s.Date, s.Employed, s.EmployedWomen, s.EmployedMen));
        list.Add(new(MetricKind.Participants, src, "survey/af", s.Date, s.ParticipantsAf, Category: "af"));
        list.Add(new(MetricKind.Participants, src, "survey/kommun", s.Date, s.ParticipantsMunicipality, Category: "kommun"));
        list.Add(new(MetricKind.Participants, src, "survey/ovrig", s.Date, s.ParticipantsOther, Category: "ovrig"));
        list.Add(new(MetricKind.Engaged, src, "survey", s.Date, s.Employed + s.Participants));
        if (s.PeopleInformed is { } p)
            list.Add(new(MetricKind.PeopleInformed, src, src, new DateOnly(s.Year, 12, 31), p));
        return list;
    }
}
