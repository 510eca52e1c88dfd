using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Import;

/// <summary>
/// Placements of an insats: one row per grant (year, municipality, target group), with its use and outcomes once
/// known. Pre-filled with the grants of the user's municipalities; a row without id is a new grant.
/// </summary>
public sealed class PlacementsSheet : ImportSheet
{
    private const int Id = 1, Year = 2, Kommun = 3, TargetGroup = 4, Granted = 5, Rate = 6, Used = 7, Participants = 8, Women = 9,
        Men = 10, Days = 11, Work = 12, Studies = 13, Af = 14, Back = 15, Continued = 16, Note = 17;

    private static readonly IReadOnlyDictionary<string, int> Fields = new Dictionary<string, int>
    {
        ["id"] = Id, ["ar"] = Year, ["kommunkod"] = Kommun, ["malgrupp"] = TargetGroup, ["beviljadePlatser"] = Granted,
        ["dagersattning"] = Rate, ["nyttjande.nyttjadePlatser"] = Used, ["nyttjande.deltagare"] = Participants,
        ["nyttjande.kvinnor"] = Women, ["nyttjande.man"] = Men, ["nyttjande.dagar"] = Days, ["utfall.arbete"] = Work,
        ["utfall.studier"] = Studies, ["utfall.af"] = Af, ["utfall.ater"] = Back, ["utfall.fortsatt"] = Continued, ["utfall"] = Work,
        ["anteckning"] = Note,
    };

    /// <inheritdoc />
    public override ImportKind Kind => ImportKind.Placements;

    /// <inheritdoc />
    public override string SheetName => "Placeringar";

    /// <inheritdoc />
    public override IReadOnlyList<SheetColumn> Columns(ImportContext context, ImportSetting setting) =>
    [
        new("Id"), new("År"), new("Kommunkod", setting.Municipalities.Keys.Order().ToList()), new("Målgrupp"), new("Beviljade platser"),
        new("Dagersättning (kr)"), new("Nyttjade platser"), new("Deltagare"), new("Deltagare kvinnor"), new("Deltagare män"),
        new("Dagar"), new("Utfall arbete"), new("Utfall studier"), new("Utfall Arbetsförmedlingen"), new("Utfall åter till försörjning"),
        new("Utfall fortsatt placering"), new("Anteckning"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> Instructions(ImportSetting setting) =>
    [
        $"Placeringar och utfall – {setting.Insats!.Title}",
        "Fyll i bladet \"Placeringar\": en rad per beviljande (år, kommun och målgrupp). Din kommuns placeringar står redan där.",
        "Lämna Id tomt för en ny placering; ändra inte Id på en befintlig. Kommunkod väljs i listan (bara din kommun).",
        $"År ska ligga inom insatsens period ({setting.Insats.PeriodStart.Year}–{setting.Insats.PeriodEnd.Year}). Antal skrivs som heltal, dagersättningen i kronor.",
        "Nyttjande (nyttjade platser, deltagare, kvinnor, män) fylls i när det är känt; deltagare ska vara kvinnor + män. Utfallen får tillsammans vara högst antalet deltagare.",
        "Skriv aldrig personnummer eller namn på deltagare i filen: en fil med ett personnummer avvisas i sin helhet.",
        "Ladda upp filen på sidan Import. Du ser först vad som ändras och eventuella fel (blad, cell och orsak); ingenting sparas förrän du bekräftar.",
    ];

    /// <inheritdoc />
    public override async Task<IReadOnlyList<IReadOnlyList<object?>>> TemplateRowsAsync(ImportContext context, ImportSetting setting) =>
        (await context.Reader.PlacementsAsync(context.Owner, context.InsatsId!))
            .Where(p => setting.Municipalities.ContainsKey(p.Kommunkod))
            .OrderBy(p => p.Year).ThenBy(p => p.Kommunkod).ThenBy(p => p.Id)
            .Select(Row).ToList();

    /// <inheritdoc />
    public override async Task<IReadOnlyList<PlannedRow>> ParseAsync(ImportContext context, ImportSetting setting, SheetContent sheet,
        List<CellProblem> problems)
    {
        var insats = setting.Insats!;
        var columns = Columns(context, setting);
        var stored = (await context.Reader.PlacementsAsync(context.Owner, context.InsatsId!)).ToDictionary(p => p.Id);
        return await ReadRowsAsync(sheet, problems, columns, Fields, p =>
        {
            var id = p.Text(Id, "Id");
            var year = p.Count(Year, "År", true);
            var kommunkod = Kommunkod(p, Kommun, context, setting, required: true);
            var targetGroup = p.Text(TargetGroup, "Målgrupp", true);
            var granted = p.Count(Granted, "Beviljade platser", true);
            var rate = p.Amount(Rate, "Dagersättning (kr)", true);
            var use = Use(p);
            var outcomes = Outcomes(p);
            var note = p.Text(Note, "Anteckning");
            Placement? before = null;
            if (id is not null && stored.TryGetValue(id, out var existing))
            {
                before = existing;
                if (!DomainWriter.MayChange(context.User, existing.Kommunkod))
                    p.Problem(Id, $"Placeringen {id} hör till kommun {existing.Kommunkod}; du får bara ändra din egen kommuns placeringar.");
            }
            if (p.HasProblems) return Task.FromResult<RowFact?>(null);
            id ??= $"p{year}-k{kommunkod}-{Guid.NewGuid().ToString("N")[..6]}";
            var placement = new Placement(id, year!.Value, kommunkod!, granted!.Value, targetGroup!, rate!.Value, use, outcomes, note);
            return Task.FromResult<RowFact?>(new RowFact(id, Id, earlier => $"Id {id} finns redan på rad {earlier}.",
                FactRules.Placement(placement, insats).Errors, $"Placering {id} ({setting.Municipalities[kommunkod!]} {year})",
                before is null ? null : Row(before), Row(placement), change => new Write(change, before, placement)));
        });
    }

    private static PlacementUse? Use(CellParser p)
    {
        if (new[] { Used, Participants, Women, Men, Days }.All(c => p.Row[c] is null)) return null;
        int? used = p.Count(Used, "Nyttjade platser", true), participants = p.Count(Participants, "Deltagare", true),
            women = p.Count(Women, "Deltagare kvinnor", true), men = p.Count(Men, "Deltagare män", true), days = p.Count(Days, "Dagar");
        return used is null || participants is null || women is null || men is null ? null
            : new PlacementUse(used.Value, participants.Value, women.Value, men.Value, days);
    }

    private static PlacementOutcomes? Outcomes(CellParser p)
    {
        if (new[] { Work, Studies, Af, Back, Continued }.All(c => p.Row[c] is null)) return null;
        return new PlacementOutcomes(p.Count(Work, "Utfall arbete") ?? 0, p.Count(Studies, "Utfall studier") ?? 0,
            p.Count(Af, "Utfall Arbetsförmedlingen") ?? 0, p.Count(Back, "Utfall åter till försörjning") ?? 0,
            p.Count(Continued, "Utfall fortsatt placering") ?? 0);
    }

    private static object?[] Row(Placement p) =>
    [
        p.Id, p.Year, p.Kommunkod, p.TargetGroup, p.PlacesGranted, p.DailyRate, p.Use?.PlacesUsed, p.Use?.Participants,
        p.Use?.ParticipantsWomen, p.Use?.ParticipantsMen, p.Use?.Days, p.Outcomes?.Work, p.Outcomes?.Studies, p.Outcomes?.Af,
        p.Outcomes?.BackToPublicSupport, p.Outcomes?.Continued, p.Note,
    ];

    private sealed class Write(ImportRowChange change, Placement? before, Placement after) : PlannedWrite(change)
    {
        public override async Task<bool> IsAsPreviewedAsync(ImportContext context) =>
            Equals((await context.Reader.PlacementsAsync(context.Owner, context.InsatsId!)).FirstOrDefault(p => p.Id == after.Id), before);

        public override async Task ApplyAsync(ImportContext context) =>
            await context.Writer.RecordPlacementAsync(context.User, context.Owner, context.InsatsId!, after, await VersionAsync(context), context.Reason);

        public override async Task UndoAsync(ImportContext context)
        {
            if (before is null)
                await context.Writer.RemovePlacementAsync(context.User, context.Owner, context.InsatsId!, after.Id, await VersionAsync(context), context.UndoReason);
            else
                await context.Writer.RecordPlacementAsync(context.User, context.Owner, context.InsatsId!, before, await VersionAsync(context), context.UndoReason);
        }

        private static async Task<long> VersionAsync(ImportContext context) => (await context.Reader.InsatsAsync(context.Owner, context.InsatsId!)).Version;
    }
}
