using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the insats form; lists are typed one item a line.</summary>
public sealed class InsatsInput
{
    public string? Title { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public string? Description { get; set; }
    public string? TargetGroups { get; set; }
    public string? Partners { get; set; }
    public string? OverarchingGoals { get; set; }
    public string? ProcessOwner { get; set; }
    public string? ProcessLeader { get; set; }
    public DateOnly? CloseDate { get; set; }
}

/// <summary>"Ny insats" (no id) or "Insats": creates, edits and closes an insats (the association only).</summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class InsatsFormModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = ("titel", "Titel"), ["title"] = ("titel", "Titel"), ["periodStart"] = ("period-start", "Periodens start"),
        ["periodEnd"] = ("period-slut", "Periodens slut"), ["description"] = ("syfte", "Syfte och beskrivning"),
        ["targetGroups"] = ("malgrupper", "Målgrupper"), ["partners"] = ("samverkansparter", "Samverkansparter"),
        ["overarchingGoals"] = ("overgripande-mal", "Övergripande mål"), ["processOwner"] = ("processagare", "Processägare"),
        ["processLeader"] = ("processledare", "Processledare"), ["date"] = ("avslutas", "Avslutas per"), ["closeDate"] = ("avslutas", "Avslutas per"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public InsatsInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public string? InsatsId { get; private set; }
    public InsatsSnapshot? Insats { get; private set; }

    public async Task<IActionResult> OnGetAsync(string owner, string? insatsId)
    {
        if (await LoadAsync(owner, insatsId) is { } refused)
            return refused;
        Input = FromInsats(Insats?.Insats) ?? new InsatsInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string? insatsId)
    {
        if (await LoadAsync(owner, insatsId) is { } refused)
            return refused;
        if (BindingFailed())
            return Page();
        if (Input.PeriodStart is null || Input.PeriodEnd is null)
        {
            if (Input.PeriodStart is null) Errors.Add("period-start", "Periodens start", "Ange datum.");
            if (Input.PeriodEnd is null) Errors.Add("period-slut", "Periodens slut", "Ange datum.");
            return Page();
        }
        var insats = new AsfPlatform.Domain.Model.Insats(insatsId ?? "", Input.Title ?? "", Input.PeriodStart.Value, Input.PeriodEnd.Value,
            Lines(Input.TargetGroups), Lines(Input.Partners), Lines(Input.OverarchingGoals), Blank(Input.Description),
            Blank(Input.ProcessOwner), Blank(Input.ProcessLeader));
        InsatsSnapshot? saved = null;
        if (await TryChangeAsync(async () => saved = insatsId is null
                ? await writer.CreateInsatsAsync(User, owner, insats)
                : await writer.UpdateInsatsAsync(User, owner, insatsId, insats, Version)))
        {
            TempData["Saved"] = insatsId is null ? "Insatsen är skapad. Lägg till årets handlingsplan när du vill." : "Insatsen är sparad.";
            return Redirect($"/insatser/{owner}/{saved!.Id}");
        }
        if (Conflict)
        {
            ShowVersion(Insats!.Version);
            Input = FromInsats(Insats.Insats)!;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(string owner, string insatsId)
    {
        if (await LoadAsync(owner, insatsId) is { } refused)
            return refused;
        if (BindingFailed())
            return Page();
        if (await TryChangeAsync(() => writer.CloseInsatsAsync(User, owner, insatsId, Input.CloseDate, Version)))
        {
            TempData["Saved"] = "Insatsen är avslutad. Uppgifter daterade efter avslutet tas inte längre emot.";
            return Redirect($"/insatser/{owner}/{insatsId}");
        }
        if (Conflict)
            ShowVersion(Insats!.Version);
        Input = FromInsats(Insats!.Insats)!;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string owner, string? insatsId)
    {
        (Owner, InsatsId) = (owner, insatsId);
        Saved = TempData["Saved"] as string;
        if (insatsId is null)
            return (await reader.OwnerAsync(owner)).Exists ? null : NotFound();
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Insats.Exists)
            return NotFound();
        if (!Request.HasFormContentType)
            Version = Insats.Version;
        return null;
    }

    private static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static InsatsInput? FromInsats(AsfPlatform.Domain.Model.Insats? i) => i is null ? null : new()
    {
        Title = i.Title, PeriodStart = i.PeriodStart, PeriodEnd = i.PeriodEnd, Description = i.Description,
        TargetGroups = string.Join('\n', i.TargetGroups), Partners = string.Join('\n', i.Partners),
        OverarchingGoals = string.Join('\n', i.OverarchingGoals), ProcessOwner = i.ProcessOwner, ProcessLeader = i.ProcessLeader,
    };
}
