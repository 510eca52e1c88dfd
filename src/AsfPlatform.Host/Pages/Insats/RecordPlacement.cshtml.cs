using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Orleans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the placement form (counts only: no names, no personal identity numbers).</summary>
public sealed class PlacementInput
{
    public string? Id { get; set; }
    public string? Kommunkod { get; set; }
    public int PlacesGranted { get; set; }
    public string? TargetGroup { get; set; }
    public decimal DailyRate { get; set; } = 200;
    public int PlacesUsed { get; set; }
    public int ParticipantsWomen { get; set; }
    public int ParticipantsMen { get; set; }
    public int? Days { get; set; }
    public int Work { get; set; }
    public int Studies { get; set; }
    public int Af { get; set; }
    public int BackToPublicSupport { get; set; }
    public int Continued { get; set; }
}

/// <summary>Records a grant of places with its use and outcomes.</summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class RecordPlacementModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kommunkod"] = ("kommunkod", "Kommun"), ["malgrupp"] = ("malgrupp", "Målgrupp"), ["TargetGroup"] = ("malgrupp", "Målgrupp"),
        ["beviljadePlatser"] = ("beviljade-platser", "Beviljade platser"), ["PlacesGranted"] = ("beviljade-platser", "Beviljade platser"),
        ["dagersattning"] = ("dagersattning", "Ersättning per dag"), ["DailyRate"] = ("dagersattning", "Ersättning per dag"),
        ["nyttjande.nyttjadePlatser"] = ("nyttjade-platser", "Nyttjade platser"), ["PlacesUsed"] = ("nyttjade-platser", "Nyttjade platser"),
        ["nyttjande.deltagare"] = ("deltagare-kvinnor", "Deltagare"), ["nyttjande.kvinnor"] = ("deltagare-kvinnor", "Deltagare, kvinnor"),
        ["ParticipantsWomen"] = ("deltagare-kvinnor", "Deltagare, kvinnor"), ["nyttjande.man"] = ("deltagare-man", "Deltagare, män"),
        ["ParticipantsMen"] = ("deltagare-man", "Deltagare, män"), ["nyttjande.dagar"] = ("dagar", "Antal dagar"), ["Days"] = ("dagar", "Antal dagar"),
        ["utfall"] = ("utfall-arbete", "Utfall"), ["utfall.arbete"] = ("utfall-arbete", "Till arbete"), ["Work"] = ("utfall-arbete", "Till arbete"),
        ["utfall.studier"] = ("utfall-studier", "Till studier"), ["Studies"] = ("utfall-studier", "Till studier"),
        ["utfall.af"] = ("utfall-af", "Till AF"), ["Af"] = ("utfall-af", "Till AF"),
        ["utfall.ater"] = ("utfall-ater", "Åter till offentlig försörjning"), ["BackToPublicSupport"] = ("utfall-ater", "Åter till offentlig försörjning"),
        ["utfall.fortsatt"] = ("utfall-fortsatt", "Fortsätter"), ["Continued"] = ("utfall-fortsatt", "Fortsätter"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public PlacementInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public string InsatsId { get; private set; } = "";
    public int Year { get; private set; }
    public InsatsSnapshot Insats { get; private set; } = null!;
    public IReadOnlyList<Placement> Placements { get; private set; } = [];

    public bool MayEdit(Placement p) => User.CanEditMunicipality(p.Kommunkod);

    /// <summary>Whether the form corrects a recorded placement (then a reason is required).</summary>
    public bool Editing => !string.IsNullOrWhiteSpace(Input.Id) && Placements.Any(p => p.Id == Input.Id.Trim());

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year, string? id)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        Version = Insats.Version;
        if (Placements.FirstOrDefault(p => p.Id == id) is { } existing && MayEdit(existing))
            Input = FromPlacement(existing);
        else
            Input.Kommunkod = OwnKommunkod;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId, int year)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        if (BindingFailed())
            return Page();
        var kommunkod = Input.Kommunkod?.Trim() ?? "";
        var placement = new Placement(
            string.IsNullOrWhiteSpace(Input.Id) ? $"p{year}-k{kommunkod}-{Guid.NewGuid():N}"[..24] : Input.Id.Trim(),
            year, kommunkod, Input.PlacesGranted, Input.TargetGroup ?? "", Input.DailyRate,
            new PlacementUse(Input.PlacesUsed, Input.ParticipantsWomen + Input.ParticipantsMen, Input.ParticipantsWomen, Input.ParticipantsMen, Input.Days),
            new PlacementOutcomes(Input.Work, Input.Studies, Input.Af, Input.BackToPublicSupport, Input.Continued));
        if (await TryChangeAsync(() => writer.RecordPlacementAsync(User, owner, insatsId, placement, Version, Reason)))
        {
            TempData["Saved"] = $"Placeringen för {Kommunkod.NameOf(kommunkod) ?? kommunkod} {year} är sparad.";
            return Redirect($"/insats/{owner}/{insatsId}/{year}/placering");
        }
        if (Conflict)
            ShowVersion(Insats.Version);
        return Page();
    }

    private static PlacementInput FromPlacement(Placement p) => new()
    {
        Id = p.Id, Kommunkod = p.Kommunkod, PlacesGranted = p.PlacesGranted, TargetGroup = p.TargetGroup, DailyRate = p.DailyRate,
        PlacesUsed = p.Use?.PlacesUsed ?? 0, ParticipantsWomen = p.Use?.ParticipantsWomen ?? 0, ParticipantsMen = p.Use?.ParticipantsMen ?? 0,
        Days = p.Use?.Days, Work = p.Outcomes?.Work ?? 0, Studies = p.Outcomes?.Studies ?? 0, Af = p.Outcomes?.Af ?? 0,
        BackToPublicSupport = p.Outcomes?.BackToPublicSupport ?? 0, Continued = p.Outcomes?.Continued ?? 0,
    };

    private async Task<bool> LoadAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Insats.Exists)
            return false;
        await LoadMunicipalitiesAsync(reader, owner);
        Placements = (await reader.PlacementsAsync(owner, insatsId)).Where(p => p.Year == year).ToList();
        Saved = TempData["Saved"] as string;
        return true;
    }
}
