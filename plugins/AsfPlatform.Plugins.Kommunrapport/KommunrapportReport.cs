using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Quality;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Kommunrapport;

/// <summary>
/// One municipality's year: its ASF companies with their latest figures, its milestones (policy, riktlinjer,
/// handlingsplan, samverkansgrupp, stödstruktur, upphandling, IOP), the placements granted to it and the events
/// held there. Where the data has nothing, the report says so in a sentence instead of showing an empty table.
/// </summary>
public sealed class KommunrapportReport : IReportPlugin
{
    /// <summary>The milestone kinds the report always accounts for, in reading order, with what "yes" means.</summary>
    private static readonly (string Label, MunicipalMilestoneKind[] Kinds)[] MilestoneChecklist =
    [
        ("Policy", [MunicipalMilestoneKind.PolicyAdopted]),
        ("Riktlinjer", [MunicipalMilestoneKind.GuidelinesAdopted]),
        ("Handlingsplan", [MunicipalMilestoneKind.ActionPlanAdopted]),
        ("Lokal samverkansgrupp", [MunicipalMilestoneKind.LocalCooperationGroupFormed]),
        ("Stödstruktur", [MunicipalMilestoneKind.JoinedSupportStructure]),
        ("Upphandling med sociala hänsyn eller reserverat kontrakt", [MunicipalMilestoneKind.SocialProcurement, MunicipalMilestoneKind.ReservedContract]),
        ("IOP-avtal", [MunicipalMilestoneKind.IopAgreement]),
    ];

    /// <inheritdoc />
    public string Id => "kommunrapport";

    /// <inheritdoc />
    public string Title => "Kommunrapport";

    /// <inheritdoc />
    public string Description =>
        "En kommuns år: ASF i kommunen med senaste uppgifter, kommunens milstolpar, beviljade platser med utfall och genomförda aktiviteter.";

    /// <inheritdoc />
    public IReadOnlyList<ReportParameter> Parameters { get; } =
    [
        ReportParameter.Require(ReportParameterKind.Owner),
        ReportParameter.Require(ReportParameterKind.Insats),
        ReportParameter.Require(ReportParameterKind.Municipality, "Kommunkod med fyra siffror, t.ex. 2180 (Gävle)."),
        ReportParameter.Require(ReportParameterKind.Year),
    ];

    /// <inheritdoc />
    public Task RenderAsync(IReportContext context, IDocumentBuilder document, CancellationToken cancellationToken)
    {
        var code = context.Arguments.Municipality!;
        var year = context.Arguments.Year ?? context.AsOf.Year;
        var yearEnd = new DateOnly(year, 12, 31);
        var municipality = context.Municipalities.FirstOrDefault(m => m.Kommunkod == code && m.Exists)
            ?? throw new InvalidOperationException($"Kommunen med kommunkod {code} finns inte hos {context.Owner?.Name ?? "ägaren"}.");
        var name = municipality.Name!;
        var names = new MunicipalityNames(context.Municipalities);
        var tables = new TableNumbers();

        var companies = context.Companies.Where(c => c.Kommunkod == code && c.Company is not null)
            .OrderBy(c => c.Company!.Name, StringComparer.Create(SwedishFormat.Culture, ignoreCase: true)).ToList();
        var milestones = municipality.Milestones.Where(m => m.Date <= yearEnd).OrderBy(m => m.Date).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var placements = PlacementSummary.Of(context.Placements.Where(p => p.Kommunkod == code && p.Year == year));
        var events = EventSummary.Of(context.Events.Where(e => e.Kommunkod == code && e.Date.Year == year));
        var countyWide = context.Events.Count(e => e.CountyWide && e.Date.Year == year);
        var subregions = new SubregionNames(context.Owner);
        // The surveys count companies per subregion, never per municipality: the municipality's figure is its subregion's.
        var survey = municipality.Subregion is { } region
            ? context.Surveys.Select(x => x.Survey).Where(x => x.Date <= yearEnd && x.CompaniesBySubregion.Any(c => c.Subregion == region))
                .MaxBy(x => x.Date) is { } latest
                ? new SubregionFigure(subregions.Of(region), latest.Date, latest.CompaniesBySubregion.Where(c => c.Subregion == region).Sum(c => c.Companies))
                : null
            : null;

        document.CoverPage(new CoverPage(
                $"Kommunrapport {name} {year}",
                Subtitle: context.Insats?.Insats?.Title,
                Owner: context.Owner?.Name,
                Period: SwedishFormat.Period(new DateOnly(year, 1, 1), yearEnd),
                Date: yearEnd))
            .TableOfContents();

        document.Heading("Sammanfattning")
            .Paragraph($"{name} (kommunkod {code}{(municipality.Subregion is { } s ? ", " + new SubregionNames(context.Owner).Of(s) : "")}) under {year}. Alla siffror är beräknade ur de registrerade uppgifterna.")
            .Table(new TableSpec(
                [new TableColumn("Nyckeltal", 70), new TableColumn("Antal", 30, ColumnAlignment.Right)],
                [
                    .. (survey is null ? Array.Empty<IReadOnlyList<TableCell>>() :
                        [[$"Registrerade ASF i {survey.Subregion} (länsuppföljningen {SwedishFormat.Date(survey.Date)})", SwedishFormat.Number(survey.Companies)]]),
                    [$"ASF i {name} registrerade vid namn i plattformen", SwedishFormat.Number(companies.Count)],
                    [$"Milstolpar till och med {year}", SwedishFormat.Number(milestones.Count)],
                    [$"varav under {year}", SwedishFormat.Number(milestones.Count(m => m.Date.Year == year))],
                    [$"Beviljade platser {year}", SwedishFormat.Number(placements.Granted)],
                    [$"Nyttjade platser {year}", SwedishFormat.Number(placements.Used)],
                    [$"Aktiviteter i kommunen {year}", SwedishFormat.Number(events.Events.Count)],
                ],
                tables.Caption("Kommunen i korthet")));

        cancellationToken.ThrowIfCancellationRequested();
        WriteCompanies(document, tables, companies, survey, name, yearEnd);
        WriteMilestones(document, tables, milestones, name, year);
        WritePlacements(document, tables, names, placements, name, year);
        WriteEvents(document, tables, names, events, countyWide, name, year);
        WriteFindings(document, names, context.Findings.Where(f => f.Kommunkod == code && f.Date?.Year == year).ToList(), name, year);
        return Task.CompletedTask;
    }

    /// <summary>A survey's company count for the municipality's subregion, with the survey's date.</summary>
    private sealed record SubregionFigure(string Subregion, DateOnly Date, int Companies);

    private static void WriteCompanies(IDocumentBuilder document, TableNumbers tables, IReadOnlyList<CompanySnapshot> companies,
        SubregionFigure? survey, string name, DateOnly yearEnd)
    {
        document.Heading("Arbetsintegrerande sociala företag");
        document.Paragraph(survey is null
            ? $"Länsuppföljningarna redovisar inget antal ASF för {name}s delregion till och med {SwedishFormat.Date(yearEnd)}."
            : $"Länsuppföljningen {SwedishFormat.Date(survey.Date)} räknade {SwedishText.Count(survey.Companies, "registrerat arbetsintegrerande socialt företag", "registrerade arbetsintegrerande sociala företag")} i {survey.Subregion}, som {name} hör till. Uppföljningen redovisar företagen per delregion, inte per kommun.");
        if (companies.Count == 0)
        {
            document.Paragraph($"Inget företag i {name} är registrerat vid namn i plattformen.");
            return;
        }
        var rows = companies.Select(c =>
        {
            var company = c.Company!;
            var latest = c.Figures.Where(f => f.Date <= yearEnd).MaxBy(f => f.Date);
            return (IReadOnlyList<TableCell>)
            [
                company.Name, SwedishNames.Of(company.LegalForm), company.Sector ?? "–",
                latest is null ? "Uppgift saknas" : SwedishFormat.Date(latest.Date),
                latest is null ? "–" : $"{SwedishFormat.Number(latest.EmployedWomen + latest.EmployedMen)} ({latest.EmployedWomen} kv, {latest.EmployedMen} m)",
                latest is null ? "–" : SwedishFormat.Number(latest.ParticipantsAf + latest.ParticipantsMunicipality + latest.ParticipantsOther),
            ];
        }).ToList();
        document.Paragraph($"{SwedishText.Capitalise(SwedishText.Count(companies.Count, "företag", "företag"))} i {name} {SwedishText.Form(companies.Count, "är registrerat", "är registrerade")} vid namn i plattformen – inte nödvändigtvis alla kommunens ASF. Siffrorna är företagets senaste uppgifter till och med {SwedishFormat.Date(yearEnd)}.")
            .Table(new TableSpec(
                [
                    new TableColumn("Företag", 27), new TableColumn("Form", 15), new TableColumn("Bransch", 18), new TableColumn("Uppgifter per", 13),
                    new TableColumn("Anställda", 15, ColumnAlignment.Right), new TableColumn("Deltagare i åtgärd", 12, ColumnAlignment.Right),
                ],
                rows,
                tables.Caption($"ASF i {name}")));
        var withoutFigures = companies.Count(c => !c.Figures.Any(f => f.Date <= yearEnd));
        if (withoutFigures > 0)
            document.Paragraph(withoutFigures == companies.Count
                ? "Inget av företagen har lämnat uppgifter om anställda och deltagare."
                : $"{withoutFigures} av {companies.Count} företag har inte lämnat uppgifter om anställda och deltagare.");
    }

    private static void WriteMilestones(IDocumentBuilder document, TableNumbers tables, IReadOnlyList<MunicipalMilestone> milestones, string name, int year)
    {
        document.Heading("Kommunens milstolpar")
            .Table(new TableSpec(
                [new TableColumn("Milstolpe", 55), new TableColumn("Läge", 20, ColumnAlignment.Center), new TableColumn("Datum", 25)],
                MilestoneChecklist.Select(item =>
                {
                    var hit = milestones.Where(m => item.Kinds.Contains(m.Kind)).MaxBy(m => m.Date);
                    var left = item.Kinds.Contains(MunicipalMilestoneKind.JoinedSupportStructure)
                        && milestones.Where(m => m.Kind == MunicipalMilestoneKind.LeftSupportStructure).MaxBy(m => m.Date) is { } l
                        && (hit is null || l.Date > hit.Date);
                    return (IReadOnlyList<TableCell>)
                    [
                        item.Label,
                        hit is null || left ? "Nej" : new TableCell("Ja", Bold: true),
                        hit is null ? "–" : SwedishFormat.Date(hit.Date) + (left ? " (lämnat)" : ""),
                    ];
                }).ToList(),
                tables.Caption($"Läget i {name} per {year}-12-31")));
        if (milestones.Count == 0)
        {
            document.Paragraph($"Inga milstolpar är registrerade för {name} till och med {year}.");
            return;
        }
        document.Paragraph($"Registrerade milstolpar till och med {year}:")
            .Table(new TableSpec(
                [new TableColumn("Datum", 14), new TableColumn("Milstolpe", 24), new TableColumn("Beskrivning", 42), new TableColumn("Beslutande organ", 20)],
                milestones.Select(m => (IReadOnlyList<TableCell>)
                    [SwedishFormat.Date(m.Date), SwedishNames.Of(m.Kind), m.Title, m.DecidingBody ?? "–"]).ToList(),
                tables.Caption($"Milstolpar i {name}")));
        var approximate = milestones.Count(m => m.Note?.Contains("bara året", StringComparison.Ordinal) == true);
        if (approximate > 0)
            document.Paragraph($"För {approximate} av milstolparna anger källan bara året; årets sista dag används då som datum.");
    }

    private static void WritePlacements(IDocumentBuilder document, TableNumbers tables, MunicipalityNames names, PlacementSummary placements, string name, int year)
    {
        document.Heading("Placeringar");
        if (placements.Placements.Count == 0)
        {
            document.Paragraph($"{name} har inte beviljats några stödfinansierade platser för {year}.");
            return;
        }
        document.Paragraph(placements.Sentence())
            .Table(placements.UseTable(names, tables.Caption($"Beviljade och nyttjade platser {year}"), byMunicipality: false))
            .Table(placements.OutcomeTable(names, tables.Caption($"Utfall för deltagarna {year}"), byMunicipality: false));
    }

    /// <summary>The data-quality findings about the municipality's figures of the year (the same as the final report's appendix).</summary>
    private static void WriteFindings(IDocumentBuilder document, MunicipalityNames names, IReadOnlyList<DataQualityFinding> findings, string name, int year)
    {
        if (findings.Count == 0)
            return;
        document.Heading("Datakvalitet")
            .Paragraph($"Uppgifter om {name} {year} som inte går ihop med varandra. Uppgifterna sparas som de angavs; rätta dem i källan eller förklara skillnaden.")
            .BulletList(findings.Select(names.Describe));
    }

    private static void WriteEvents(IDocumentBuilder document, TableNumbers tables, MunicipalityNames names, EventSummary events, int countyWide, string name, int year)
    {
        document.Heading("Aktiviteter i kommunen");
        if (events.Events.Count == 0)
            document.Paragraph($"Inga aktiviteter i {name} är registrerade för {year}.");
        else
            document.Paragraph($"{SwedishText.Capitalise(events.CountText)} hölls i {name} under {year}.")
                .Table(events.ToTable(names, tables.Caption($"Aktiviteter i {name} {year}")))
                .Paragraph(events.AudienceSentence());
        if (countyWide > 0)
            document.Paragraph($"Dessutom genomfördes {SwedishText.Count(countyWide, "länsövergripande insats", "länsövergripande insatser")} under {year} som riktade sig till alla kommuner.");
    }
}
