using System.Text.Json.Nodes;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Plans;

namespace AsfPlatform.Host.Api.OpenApi;

/// <summary>
/// One request example per body type, valid against the Gävleborg sample dataset (Bollnäs is kommun 2183), so a
/// partner's developer can send it as it stands.
/// </summary>
internal static class ApiExamples
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(InformationEvent)] = """
            {"id":"k2183-frukostmote-2017-04","date":"2017-04-04","type":"Frukostmote","title":"Frukostmöte om ASF i Bollnäs",
             "kommunkod":"2183","organisers":["Coompanion"],"audience":{"employees":12,"politicians":2}}
            """,
        [typeof(CompanyFigures)] = """
            {"date":"2018-12-31","employedWomen":5,"employedMen":3,"employedTotal":8,"participantsAf":4,"participantsMunicipality":2,"participantsOther":0}
            """,
        [typeof(MunicipalMilestone)] = """
            {"id":"policy-2017","kind":"PolicyAdopted","date":"2017-05-10","title":"Policy för ASF antagen","decidingBody":"Kommunfullmäktige"}
            """,
        [typeof(Placement)] = """
            {"id":"p-2017-bollnas","year":2017,"kommunkod":"2183","placesGranted":3,"targetGroup":"Unga vuxna","dailyRate":200,
             "use":{"placesUsed":2,"participants":3,"participantsWomen":2,"participantsMen":1,"days":40},"outcomes":{"work":1,"studies":1}}
            """,
        [typeof(NarrativeMilestone)] = """
            {"id":"natverk-2017","year":2017,"date":"2017-09-01","text":"Nätverket för ASF träffades i Bollnäs."}
            """,
        [typeof(Company)] = """
            {"name":"Gröna Händer","legalForm":"Aktiebolag","kommunkod":"2183","sector":"Trädgård",
             "criteria":{"integrationAim":true,"participation":true,"profitsReinvested":true,"independent":true}}
            """,
        [typeof(Insats)] = """
            {"title":"ASF 2021–2022","periodStart":"2021-01-01","periodEnd":"2022-12-31","targetGroups":["Unga vuxna"],
             "partners":["Arbetsförmedlingen"],"overarchingGoals":["Fler i arbete genom ASF"]}
            """,
        [typeof(PlanContent)] = """
            {"title":"Handlingsplan 2017","sections":[{"number":"1","title":"Bakgrund","text":"Insatsen bygger vidare på 2016."}],
             "goals":[{"id":"3.2.1","text":"Politiker och tjänstepersoner känner till ASF."}],
             "activities":[{"id":"frukostmoten","goalId":"3.2.1","activity":"Frukostmöten i varje kommun","how":"Med Coompanion",
               "responsible":"Processledaren","when":"Våren 2017"}],
             "indicators":[{"id":"aktiviteter-2017","title":"Antal informationsaktiviteter","kind":"CountInPeriod",
               "source":{"metric":"InformationEvents"},"targetValue":10,"targetDate":"2017-12-31","periodStart":"2017-01-01","goalId":"3.2.1"}],
             "budget":[{"id":"information","title":"Informationsinsatser","amount":50000}],
             "organisation":[{"role":"Processägare","title":"Förbundschef"}],"decidedOn":"2016-12-15"}
            """,
        [typeof(InsatsNarrative)] = """
            {"assignment":"Att utveckla stödet till ASF i länet.","background":"Det finns ett trettiotal ASF i länet.",
             "analysis":"Kunskapen om ASF har ökat.","conclusions":"Stödstrukturen behövs även framåt.",
             "years":[{"year":2017,"text":"Nätverket för ASF bildades."}]}
            """,
        [typeof(CloseRequest)] = """{"date":"2019-06-30"}""",
        [typeof(NewPlanRequest)] = """{"year":2019,"from":"template"}""",
        [typeof(NewOwnerRequest)] = """
            {"name":"Samordningsförbundet Östra Södertörn","kind":"Samordningsforbund","subregions":[],"partners":[]}
            """,
        [typeof(OwnerRequest)] = """
            {"name":"Finsam Gävleborg","kind":"Samordningsforbund","organisationNumber":"222000-1234","subregions":[],"partners":[]}
            """,
        [typeof(MunicipalityPlacement)] = """{"subregion":"halsingland"}""",
        [typeof(ReportRequest)] = """{"owner":"finsam-gavleborg","insats":"asf-2016-2020","year":2018,"municipality":"2183"}""",
        [typeof(CreateUserRequest)] = """
            {"userName":"bollnas-kontor","displayName":"Partnerkontoret Bollnäs","role":"Partnerkontor","organisation":"kommun:2183",
             "password":"Ett-Langt-Losenord-9","mustChangePassword":true}
            """,
        [typeof(UpdateUserRequest)] = """{"displayName":"Partnerkontoret i Bollnäs","disabled":false}""",
        [typeof(ResetPasswordRequest)] = """{"password":"Tillfalligt-Losenord-7"}""",
        [typeof(ChangePasswordRequest)] = """{"currentPassword":"Tillfalligt-Losenord-7","newPassword":"Mitt-Eget-Losenord-8"}""",
        [typeof(IssueTokenRequest)] = """{"name":"Integration med ekonomisystemet"}""",
    };

    /// <summary>A fresh example body for <paramref name="type"/>, or null when none is written.</summary>
    public static JsonNode? For(Type type) => Examples.TryGetValue(type, out var json) ? JsonNode.Parse(json) : null;

    /// <summary>The body types that have an example.</summary>
    public static IEnumerable<Type> Types => Examples.Keys;
}
