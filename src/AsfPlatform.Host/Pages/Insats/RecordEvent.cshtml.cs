using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Orleans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>The fields of the event form.</summary>
public sealed class EventInput
{
    /// <summary>Set when the form corrects a recorded event.</summary>
    public string? Id { get; set; }
    public DateOnly? Date { get; set; }
    public EventType Type { get; set; } = EventType.Informationsmote;
    public string? Title { get; set; }
    public string? Kommunkod { get; set; }
    public string? Organisers { get; set; }
    public int? Politicians { get; set; }
    public int? Employees { get; set; }
    public int? Organisations { get; set; }
    public int? Others { get; set; }
    public string? Note { get; set; }
}

/// <summary>Records an information event of an insats.</summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class RecordEventModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    private static readonly Dictionary<string, (string, string)> FieldMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["datum"] = ("datum", "Datum"), ["Date"] = ("datum", "Datum"),
        ["typ"] = ("typ", "Typ av aktivitet"), ["Type"] = ("typ", "Typ av aktivitet"),
        ["titel"] = ("titel", "Titel"), ["Title"] = ("titel", "Titel"),
        ["kommunkod"] = ("kommunkod", "Kommun"), ["Kommunkod"] = ("kommunkod", "Kommun"),
        ["arrangorer"] = ("arrangorer", "Arrangörer"), ["Organisers"] = ("arrangorer", "Arrangörer"),
        ["publik.politiker"] = ("publik-politiker", "Politiker"), ["Politicians"] = ("publik-politiker", "Politiker"),
        ["publik.medarbetare"] = ("publik-medarbetare", "Medarbetare och tjänstepersoner"), ["Employees"] = ("publik-medarbetare", "Medarbetare och tjänstepersoner"),
        ["publik.organisationer"] = ("publik-organisationer", "Organisationer"), ["Organisations"] = ("publik-organisationer", "Organisationer"),
        ["publik.ovriga"] = ("publik-ovriga", "Övriga"), ["Others"] = ("publik-ovriga", "Övriga"),
        ["anteckning"] = ("anteckning", "Anteckning"), ["Note"] = ("anteckning", "Anteckning"),
    };

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields => FieldMap;

    [BindProperty]
    public EventInput Input { get; set; } = new();

    public string Owner { get; private set; } = "";
    public string InsatsId { get; private set; } = "";
    public int Year { get; private set; }
    public InsatsSnapshot Insats { get; private set; } = null!;
    public IReadOnlyList<InformationEvent> Current { get; private set; } = [];

    public bool MayRecordCountyWide => User.GetRole() == AccessRole.Förbundsadmin;

    /// <summary>Whether the form corrects a recorded event (then its own version and a reason are required).</summary>
    public bool Editing => !string.IsNullOrEmpty(Input.Id);

    /// <summary>Whether the user may change an event as stored (the association: all; an office: its municipality's).</summary>
    public bool MayChange(InformationEvent e) => DomainWriter.MayChange(User, e.Kommunkod);

    public async Task<IActionResult> OnGetAsync(string owner, string insatsId, int year, string? id)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        if (id is not null)
        {
            var stored = await reader.EventAsync(owner, insatsId, id);
            if (stored.Event is not { } e)
                return NotFound();
            if (!MayChange(e))
                return Forbid();
            Version = stored.Version;
            Input = new EventInput
            {
                Id = e.Id, Date = e.Date, Type = e.Type, Title = e.Title, Kommunkod = e.Kommunkod, Organisers = string.Join(", ", e.Organisers),
                Politicians = e.Audience.Politicians, Employees = e.Audience.Employees, Organisations = e.Audience.Organisations,
                Others = e.Audience.Others, Note = e.Note,
            };
            return Page();
        }
        Version = Insats.Version;
        Input.Date = DateOnly.FromDateTime(DateTime.Today) is var today && today.Year == year ? today : new DateOnly(year, 6, 1);
        Input.Kommunkod = OwnKommunkod;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string insatsId, int year)
    {
        if (!await LoadAsync(owner, insatsId, year))
            return NotFound();
        if (BindingFailed())
            return Page();
        if (Input.Date is null)
        {
            Errors.Add("datum", "Datum", "Ange datum.");
            return Page();
        }
        var informationEvent = new InformationEvent(Input.Id ?? "", Input.Date.Value, Input.Type, Input.Title ?? "",
            string.IsNullOrWhiteSpace(Input.Kommunkod) ? null : Input.Kommunkod.Trim(),
            (Input.Organisers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            new Audience(Input.Politicians, Input.Employees, Input.Organisations, Input.Others), Note: Input.Note);
        // A new event (a fresh id) needs no version: it cannot overwrite anyone's change. A correction names the
        // event's own version, so it is refused when someone changed the event meanwhile.
        if (await TryChangeAsync(() => writer.RecordEventAsync(User, owner, insatsId, informationEvent, Editing ? Version : null, Reason)))
        {
            TempData["Saved"] = $"Aktiviteten \"{informationEvent.Title}\" är {(Editing ? "ändrad" : "registrerad")}.";
            return Redirect(Editing ? $"/insats/{owner}/{insatsId}/{informationEvent.Date.Year}" : $"/insats/{owner}/{insatsId}/{year}/aktivitet");
        }
        if (Conflict)
            ShowVersion(Editing ? (await reader.EventAsync(owner, insatsId, Input.Id!)).Version : Insats.Version);
        return Page();
    }

    private async Task<bool> LoadAsync(string owner, string insatsId, int year)
    {
        (Owner, InsatsId, Year) = (owner, insatsId, year);
        Insats = await reader.InsatsAsync(owner, insatsId);
        if (!Insats.Exists)
            return false;
        await LoadMunicipalitiesAsync(reader, owner);
        Current = (await reader.EventsAsync(owner, insatsId, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))).TakeLast(5).Reverse().ToList();
        Saved = TempData["Saved"] as string;
        return true;
    }
}
