using System.Text.Json.Serialization;

namespace AsfPlatform.Domain.Model;

// Enums are stored and exchanged by name (not number) so data files stay readable and reordering is harmless.

[JsonConverter(typeof(JsonStringEnumConverter<OwnerKind>))]
[GenerateSerializer, Alias("asf.OwnerKind")]
public enum OwnerKind { Samordningsforbund, Region, Kommun, Annan }

/// <summary>The kinds of partner organisation an owner works with (the same kinds as a partner office's account).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartnerKind>))]
[GenerateSerializer, Alias("asf.PartnerKind")]
public enum PartnerKind { Kommun, AF, FK, Region, Annan }

[JsonConverter(typeof(JsonStringEnumConverter<LegalForm>))]
[GenerateSerializer, Alias("asf.LegalForm")]
public enum LegalForm { EkonomiskForening, IdeellForening, Aktiebolag, Stiftelse, Annan }

[JsonConverter(typeof(JsonStringEnumConverter<MunicipalMilestoneKind>))]
[GenerateSerializer, Alias("asf.MunicipalMilestoneKind")]
public enum MunicipalMilestoneKind
{
    PolicyAdopted,
    GuidelinesAdopted,
    ActionPlanAdopted,
    LocalCooperationGroupFormed,
    JoinedSupportStructure,
    LeftSupportStructure,
    SocialProcurement,
    ReservedContract,
    IopAgreement,
    AsfAmbassadors,
}

[JsonConverter(typeof(JsonStringEnumConverter<EventType>))]
[GenerateSerializer, Alias("asf.EventType")]
public enum EventType
{
    Frukostmote, Seminarium, Konferens, Workshop, Massa, Utbildning, Studieresa, Dialogmote, Informationsmote,
    Temadag, Podcast, Film, Natverkstraff, Annat,
}

/// <summary>Swedish display names of the enums, for messages, reports and the web.</summary>
public static class SwedishNames
{
    public static string Of(OwnerKind k) => k switch
    {
        OwnerKind.Region => "Region",
        OwnerKind.Kommun => "Kommun",
        OwnerKind.Annan => "Annan organisation",
        _ => "Samordningsförbund",
    };

    public static string Of(PartnerKind k) => k switch
    {
        PartnerKind.Kommun => "Kommun",
        PartnerKind.AF => "Arbetsförmedlingen",
        PartnerKind.FK => "Försäkringskassan",
        PartnerKind.Region => "Region",
        _ => "Annan organisation",
    };

    public static string Of(LegalForm f) => f switch
    {
        LegalForm.EkonomiskForening => "Ekonomisk förening",
        LegalForm.IdeellForening => "Ideell förening",
        LegalForm.Aktiebolag => "Aktiebolag",
        LegalForm.Stiftelse => "Stiftelse",
        _ => "Annan",
    };

    public static string Of(MunicipalMilestoneKind k) => k switch
    {
        MunicipalMilestoneKind.PolicyAdopted => "Policy antagen",
        MunicipalMilestoneKind.GuidelinesAdopted => "Riktlinjer antagna",
        MunicipalMilestoneKind.ActionPlanAdopted => "Handlingsplan antagen",
        MunicipalMilestoneKind.LocalCooperationGroupFormed => "Lokal samverkansgrupp bildad",
        MunicipalMilestoneKind.JoinedSupportStructure => "Ingår i stödstruktur",
        MunicipalMilestoneKind.LeftSupportStructure => "Lämnat stödstruktur",
        MunicipalMilestoneKind.SocialProcurement => "Upphandling med sociala hänsyn",
        MunicipalMilestoneKind.ReservedContract => "Reserverat kontrakt",
        MunicipalMilestoneKind.IopAgreement => "IOP-avtal",
        _ => "ASF-ambassadörer",
    };

    public static string Of(EventType t) => t switch
    {
        EventType.Frukostmote => "Frukostmöte",
        EventType.Seminarium => "Seminarium",
        EventType.Konferens => "Konferens",
        EventType.Workshop => "Workshop",
        EventType.Massa => "Mässa",
        EventType.Utbildning => "Utbildning",
        EventType.Studieresa => "Studieresa",
        EventType.Dialogmote => "Dialogmöte",
        EventType.Informationsmote => "Informationsmöte",
        EventType.Temadag => "Temadag",
        EventType.Podcast => "Poddavsnitt",
        EventType.Film => "Film",
        EventType.Natverkstraff => "Nätverksträff",
        _ => "Annat",
    };
}
