namespace AsfPlatform.Domain.Plans;

/// <summary>How a new yearly plan starts.</summary>
public enum PlanStart
{
    /// <summary>Only a title.</summary>
    Empty,
    /// <summary>The sections of a handlingsplan, without content.</summary>
    Template,
    /// <summary>A copy of the previous year's plan (<see cref="CopyForward"/>).</summary>
    Previous,
}

/// <summary>The starting points of a new yearly plan that need no earlier plan.</summary>
public static class PlanTemplates
{
    /// <summary>
    /// The sections of a handlingsplan as the association's own plans have them (the 2017 plan of the sample
    /// dataset), numbered so the document numbers them the same way, with no text.
    /// </summary>
    public static IReadOnlyList<PlanSection> Sections { get; } =
    [
        new("1", "Bakgrund", ""),
        new("1.1", "Dubbla affärsidéer", ""),
        new("1.2", "Samhällsnytta med arbetsintegrerande sociala företag", ""),
        new("1.3", "Definition", ""),
        new("1.4", "Identifierade behov för långsiktig utveckling av ASF", ""),
        new("2", "Syfte", ""),
        new("3", "Mål", ""),
        new("3.1", "Övergripande mål", ""),
        new("3.2", "Processmål", ""),
        new("4", "Målgrupper", ""),
        new("5", "Två huvudspår för insatsen", ""),
        new("5.1", "Strukturinriktade insatser", ""),
        new("5.2", "Individinriktade insatser", ""),
        new("6", "Samverkansparter", ""),
        new("7", "Tidsplan", ""),
        new("8", "Finansiering", ""),
        new("8.1", "Kostnadsbudget", ""),
        new("9", "Organisation", ""),
        new("10", "Kommunikation", ""),
        new("10.1", "Dokumentation", ""),
        new("10.2", "Löpande uppföljning", ""),
        new("10.3", "Återrapportering", ""),
        new("11", "Uppföljning och utvärdering", ""),
        new("11.1", "Uppföljning", ""),
        new("11.2", "Utvärdering", ""),
    ];

    /// <summary>The title of a new plan: "Handlingsplan 2018".</summary>
    public static string Title(int year) => $"Handlingsplan {year}";

    /// <summary>A plan with a title and nothing else.</summary>
    public static PlanContent Empty(int year) => new(Title(year), [], [], [], [], [], []);

    /// <summary>The handlingsplan's sections without content, and the roles every plan names (by title).</summary>
    public static PlanContent Template(int year) => Empty(year) with
    {
        Sections = Sections,
        Organisation = [new("Uppdragsgivare", "Förbundsstyrelsen"), new("Processägare", "Förbundschef"), new("Processledare", "Processledare")],
    };
}
