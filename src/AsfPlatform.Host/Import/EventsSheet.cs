using System.Text.Json;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>
/// Information events of an insats: date, type (a validation list of the domain's types, in Swedish), title,
/// municipality and audience by group. Pre-filled with the events the user may change (of the year, when one is
/// given); a row without id is a new event, given an id in its municipality's id space.
/// </summary>
public sealed class EventsSheet : ImportSheet
{
    private const int Id = 1, Date = 2, Type = 3, Title = 4, Kommun = 5, Politicians = 6, Employees = 7, Organisations = 8,
        Others = 9, Note = 10;

    private static readonly IReadOnlyDictionary<string, int> Fields = new Dictionary<string, int>
    {
        ["id"] = Id, ["datum"] = Date, ["typ"] = Type, ["titel"] = Title, ["kommunkod"] = Kommun,
        ["publik.politiker"] = Politicians, ["publik.medarbetare"] = Employees, ["publik.organisationer"] = Organisations,
        ["publik.ovriga"] = Others, ["anteckning"] = Note,
    };

    /// <summary>The event types by their Swedish names, as the validation list offers them.</summary>
    private static readonly IReadOnlyDictionary<string, EventType> Types =
        Enum.GetValues<EventType>().ToDictionary(SwedishNames.Of, t => t);

    /// <inheritdoc />
    public override ImportKind Kind => ImportKind.Events;

    /// <inheritdoc />
    public override string SheetName => "Informationsinsatser";

    /// <inheritdoc />
    public override IReadOnlyList<SheetColumn> Columns(ImportContext context, ImportSetting setting) =>
    [
        new("Id"), new("Datum"), new("Typ", Types.Keys.ToList()), new("Titel"),
        new("Kommunkod", setting.Municipalities.Keys.Order().ToList()), new("Publik politiker"), new("Publik medarbetare"),
        new("Publik organisationer"), new("Publik övriga"), new("Anteckning"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> Instructions(ImportSetting setting) =>
    [
        $"Informationsinsatser – {setting.Insats!.Title}",
        "Fyll i bladet \"Informationsinsatser\": en rad per aktivitet. De aktiviteter du får ändra står redan där.",
        "Lämna Id tomt för en ny aktivitet; ändra inte Id på en befintlig. Typ och Kommunkod väljs i listorna.",
        $"Datum skrivs ÅÅÅÅ-MM-DD och ska ligga inom insatsens period ({setting.Insats.PeriodStart:yyyy-MM-dd}–{setting.Insats.PeriodEnd:yyyy-MM-dd}).",
        "Publiken räknas per grupp (politiker, medarbetare, organisationer, övriga); lämna tomt om antalet inte är känt. Länsövergripande aktiviteter (utan kommun) registreras av förbundet.",
        "Skriv aldrig personnummer eller namn på deltagare i filen: en fil med ett personnummer avvisas i sin helhet.",
        "Ladda upp filen på sidan Import. Du ser först vad som ändras och eventuella fel (blad, cell och orsak); ingenting sparas förrän du bekräftar.",
    ];

    /// <inheritdoc />
    public override async Task<IReadOnlyList<IReadOnlyList<object?>>> TemplateRowsAsync(ImportContext context, ImportSetting setting)
    {
        var insats = setting.Insats!;
        var from = setting.Year is { } y ? new DateOnly(y, 1, 1) : insats.PeriodStart;
        var to = setting.Year is { } z ? new DateOnly(z, 12, 31) : insats.PeriodEnd;
        return (await context.Reader.EventsAsync(context.Owner, context.InsatsId!, from, to))
            .Where(e => DomainWriter.MayChange(context.User, e.Kommunkod))
            .Select(Row).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<PlannedRow>> ParseAsync(ImportContext context, ImportSetting setting, SheetContent sheet,
        List<CellProblem> problems)
    {
        var insats = setting.Insats!;
        var columns = Columns(context, setting);
        var admin = DomainWriter.MayChange(context.User, null);
        return await ReadRowsAsync(sheet, problems, columns, Fields, async p =>
        {
            var id = p.Text(Id, "Id");
            var date = p.Date(Date, "Datum", true, insats.PeriodStart, insats.PeriodEnd, "insatsens period");
            var type = p.Choice(Type, "Typ", Types, true);
            var title = p.Text(Title, "Titel", true);
            var kommunkod = Kommunkod(p, Kommun, context, setting, required: !admin);
            var audience = new Audience(p.Count(Politicians, "Publik politiker"), p.Count(Employees, "Publik medarbetare"),
                p.Count(Organisations, "Publik organisationer"), p.Count(Others, "Publik övriga"));
            var note = p.Text(Note, "Anteckning");
            var stored = id is null ? null : await context.Reader.EventAsync(context.Owner, context.InsatsId!, id);
            if (stored is { Exists: true })
            {
                if (!DomainWriter.MayChange(context.User, stored.Event!.Kommunkod))
                    p.Problem(Id, $"Aktiviteten {id} hör till {(stored.Event.Kommunkod is null ? "förbundet (länsövergripande)" : $"kommun {stored.Event.Kommunkod}")}; du får bara ändra din egen kommuns aktiviteter.");
                else if (stored.Event.Kommunkod != kommunkod)
                    p.Problem(Kommun, "En aktivitets kommun kan inte ändras. Ta bort aktiviteten och registrera den på nytt i rätt kommun.");
            }
            else if (id is not null && !admin && kommunkod is not null && !id.StartsWith(DomainWriter.IdPrefix(kommunkod), StringComparison.Ordinal))
                p.Problem(Id, $"Aktiviteten {id} finns inte. Lämna Id tomt för en ny aktivitet.");
            if (p.HasProblems) return null;
            id ??= DomainWriter.NewId(kommunkod);
            var informationEvent = new InformationEvent(id, date!.Value, type!.Value, title!, kommunkod,
                stored?.Event?.Organisers ?? [], audience, stored?.Event?.ProcessGoalId, note);
            var before = stored?.Event;
            return new RowFact(id, Id, earlier => $"Id {id} finns redan på rad {earlier}.", FactRules.Event(informationEvent, insats).Errors,
                $"{title} {date:yyyy-MM-dd}", before is null ? null : Row(before), Row(informationEvent),
                change => new Write(change, before is null ? null : stored, informationEvent));
        });
    }

    private static object?[] Row(InformationEvent e) =>
    [
        e.Id, e.Date, SwedishNames.Of(e.Type), e.Title, e.Kommunkod, e.Audience.Politicians, e.Audience.Employees,
        e.Audience.Organisations, e.Audience.Others, e.Note,
    ];

    private sealed class Write(ImportRowChange change, AsfPlatform.Contracts.EventSnapshot? before, InformationEvent after) : PlannedWrite(change)
    {
        // An event has a version of its own (the insats's stays): events can be written side by side.
        public override string Lane => after.Id;

        // An event holds a list (its organisers), which record equality compares by reference: compare as JSON.
        public override async Task<bool> IsAsPreviewedAsync(ImportContext context)
        {
            var now = await context.Reader.EventAsync(context.Owner, context.InsatsId!, after.Id);
            return JsonSerializer.Serialize(now.Event) == JsonSerializer.Serialize(before?.Event);
        }

        public override async Task ApplyAsync(ImportContext context)
        {
            long? version = before is null ? null : (await context.Reader.EventAsync(context.Owner, context.InsatsId!, after.Id)).Version;
            await context.Writer.RecordEventAsync(context.User, context.Owner, context.InsatsId!, after, version, context.Reason);
        }

        public override async Task UndoAsync(ImportContext context)
        {
            var now = await context.Reader.EventAsync(context.Owner, context.InsatsId!, after.Id);
            if (before is null)
                await context.Writer.RemoveEventAsync(context.User, context.Owner, context.InsatsId!, after.Id, now.Version, context.UndoReason);
            else
                await context.Writer.RecordEventAsync(context.User, context.Owner, context.InsatsId!, before.Event!, now.Version, context.UndoReason);
        }
    }
}
