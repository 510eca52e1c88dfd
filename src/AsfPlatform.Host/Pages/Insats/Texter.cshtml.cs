using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the texts form; <see cref="Years"/> holds one text per year of the insats period.</summary>
public sealed class NarrativeInput
{
    public string? Assignment { get; set; }
    public string? Background { get; set; }
    public string? IndividualTrack { get; set; }
    public string? Lessons { get; set; }
    public string? StructuralSummary { get; set; }
    public string? Analysis { get; set; }
    public string? Conclusions { get; set; }
    public Dictionary<int, string?> Years { get; set; } = [];
}

/// <summary>"Insatsens texter": the association writes the insats' own words, which the final report prints as written.</summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class TexterModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    /// <summary>The texts in the order the form shows them: property, validation field, input id, label, hint.</summary>
    public static readonly IReadOnlyList<(string Property, string Field, string Id, string Label, string Hint)> Texts =
    [
        (nameof(NarrativeInput.Assignment), NarrativeRules.Assignment, "uppdrag", "Uppdrag och verksamhet",
            "Verksamheten, bemanningen och de huvudsakliga aktiviteterna."),
        (nameof(NarrativeInput.Background), NarrativeRules.Background, "bakgrund", "Bakgrund", "Varför insatsen gjordes."),
        (nameof(NarrativeInput.IndividualTrack), NarrativeRules.IndividualTrack, "individinsatser", "Individinriktade insatser",
            "Syftet och sammanfattningen; siffrorna räknas fram ur placeringarna."),
        (nameof(NarrativeInput.Lessons), NarrativeRules.Lessons, "lardomar", "Erfarenheter och lärdomar", "Vad insatsen lärde."),
        (nameof(NarrativeInput.StructuralSummary), NarrativeRules.StructuralSummary, "struktursammanfattning",
            "Sammanfattning av de strukturinriktade insatserna", "Hur målsättningarna uppfylldes."),
        (nameof(NarrativeInput.Analysis), NarrativeRules.Analysis, "analys", "Analys", ""),
        (nameof(NarrativeInput.Conclusions), NarrativeRules.Conclusions, "slutsatser", "Slutsatser", ""),
    ];

    private Dictionary<string, (string, string)> _fields = new(StringComparer.OrdinalIgnoreCase);
    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => _fields;

    [BindProperty]
    public NarrativeInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public InsatsSnapshot Insats { get; private set; } = null!;

    /// <summary>The years of the insats period, each with a narrative field.</summary>
    public IReadOnlyList<int> PeriodYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId)
    {
        if (await LoadAsync(owner, insatsId) is { } refused)
            return refused;
        Input = FromNarrative(Insats.Narrative);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId)
    {
        if (await LoadAsync(owner, insatsId) is { } refused)
            return refused;
        if (BindingFailed())
            return Page();
        var years = PeriodYears.Where(y => !string.IsNullOrWhiteSpace(Input.Years.GetValueOrDefault(y))).ToList();
        // Validation names a year's field by its place in the list sent: map each place to its year's input.
        for (var k = 0; k < years.Count; k++)
        {
            _fields[$"{NarrativeRules.Years}[{k}].text"] = ($"ar-{years[k]}", $"År {years[k]}");
            _fields[$"{NarrativeRules.Years}[{k}].ar"] = ($"ar-{years[k]}", $"År {years[k]}");
        }
        var narrative = new InsatsNarrative(Blank(Input.Assignment), Blank(Input.Background), Blank(Input.IndividualTrack),
            Blank(Input.Lessons), Blank(Input.StructuralSummary), Blank(Input.Analysis), Blank(Input.Conclusions),
            years.Select(y => new YearNarrative(y, Input.Years[y]!.Trim())).ToList());
        if (await TryChangeAsync(() => writer.SetNarrativeAsync(User, owner, insatsId, narrative, Version)))
        {
            TempData["Saved"] = "Insatsens texter är sparade. Slutrapporten skriver ut dem som de står.";
            return Redirect($"/insatser/{owner}/{insatsId}/texter");
        }
        if (Conflict)
        {
            ShowVersion(Insats.Version);
            Input = FromNarrative(Insats.Narrative);
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string owner, string insatsId)
    {
        Owner = owner;
        Saved = TempData["Saved"] as string;
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Insats.Exists)
            return NotFound();
        var i = Insats.Insats!;
        PeriodYears = Enumerable.Range(i.PeriodStart.Year, i.PeriodEnd.Year - i.PeriodStart.Year + 1).ToList();
        _fields = Texts.SelectMany(t => new[] { (t.Field, (t.Id, t.Label)), (t.Property, (t.Id, t.Label)) })
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.OrdinalIgnoreCase);
        if (!Request.HasFormContentType)
            Version = Insats.Version;
        return null;
    }

    /// <summary>The current value of a text input, by property name.</summary>
    public string? Value(string property) => typeof(NarrativeInput).GetProperty(property)!.GetValue(Input) as string;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static NarrativeInput FromNarrative(InsatsNarrative? n) => n is null ? new() : new()
    {
        Assignment = n.Assignment, Background = n.Background, IndividualTrack = n.IndividualTrack, Lessons = n.Lessons,
        StructuralSummary = n.StructuralSummary, Analysis = n.Analysis, Conclusions = n.Conclusions,
        Years = (n.Years ?? []).ToDictionary(y => y.Year, y => (string?)y.Text),
    };
}
