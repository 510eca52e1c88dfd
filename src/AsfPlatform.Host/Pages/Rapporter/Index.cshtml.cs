using System.Globalization;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Host.Domain;
using AsfPlatform.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Rapporter;

/// <summary>One choice of a select: the value sent and the Swedish text shown.</summary>
public sealed record Choice(string Value, string Text);

/// <summary>
/// Generates a report and sends it as a download (Word, or PDF when LibreOffice is installed). The form asks for
/// exactly the parameters the chosen plugin declares, each as a choice of what exists: the owners the user may see,
/// that owner's insatser, the insats' plan years, the owner's municipalities by name, and the half-year ends of the
/// insats period (or any other date). Report, owner and insats are chosen first (a GET form), since the other
/// choices depend on them.
/// </summary>
[Authorize(Policy = AccessPolicies.Reports)]
public sealed class IndexModel(ReportDownloads downloads, KnownOwners owners, DomainReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Report { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Insats { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Municipality { get; set; }

    /// <summary>A half-year end chosen from the list.</summary>
    [BindProperty] public string? AsOfChoice { get; set; }

    /// <summary>Any other date; wins over <see cref="AsOfChoice"/> when given.</summary>
    [BindProperty] public DateOnly? AsOfDate { get; set; }

    [BindProperty] public string Format { get; set; } = "docx";

    public IReadOnlyList<ReportDescriptor> Reports { get; private set; } = [];
    public ReportDescriptor? Selected { get; private set; }
    public IReadOnlyList<Choice> OwnerChoices { get; private set; } = [];
    public IReadOnlyList<Choice> InsatsChoices { get; private set; } = [];
    public IReadOnlyList<Choice> YearChoices { get; private set; } = [];
    public IReadOnlyList<Choice> MunicipalityChoices { get; private set; } = [];
    public IReadOnlyList<Choice> AsOfChoices { get; private set; } = [];
    public bool PdfAvailable => downloads.PdfAvailable;
    public FormErrors Errors { get; } = new();

    /// <summary>Whether the chosen report declares the parameter.</summary>
    public bool Asks(ReportParameterKind kind) => Parameter(kind) is not null;

    /// <summary>The chosen report's declaration of the parameter, or null.</summary>
    public ReportParameter? Parameter(ReportParameterKind kind) => Selected?.Parameters.FirstOrDefault(p => p.Kind == kind);

    public async Task OnGetAsync() => await LoadChoicesAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (requestedOwner, requestedInsats) = (Blank(Owner), Blank(Insats));
        await LoadChoicesAsync();
        // The choices replace a value that is not among them; say so instead of making another owner's report.
        if (requestedOwner is not null && requestedOwner != Owner)
            Errors.Add("agare", "Ägare", $"Ägaren \"{requestedOwner}\" finns inte bland dem du får se.");
        if (requestedInsats is not null && requestedInsats != Insats)
            Errors.Add("insats", "Insats", $"Insatsen \"{requestedInsats}\" finns inte hos ägaren.");
        if (Errors.Any)
            return Page();
        if (Selected is null)
        {
            Errors.AddGeneral("Det finns ingen rapport som din roll får ta fram.");
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Errors.Add("per-datum", "Annat datum", "Datumet kunde inte läsas; ange det som åååå-mm-dd.");
            return Page();
        }
        var asOf = AsOfDate ?? (DateOnly.TryParseExact(AsOfChoice, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen)
            ? chosen : null);
        // Only what the report declares is passed on, so a value left in a hidden field never reaches the plugin.
        var arguments = new ReportArguments(
            Asks(ReportParameterKind.Owner) ? Blank(Owner) : null,
            Asks(ReportParameterKind.Insats) ? Blank(Insats) : null,
            Asks(ReportParameterKind.Year) ? Year : null,
            Asks(ReportParameterKind.Municipality) ? Blank(Municipality) : null,
            Asks(ReportParameterKind.AsOfDate) ? asOf : null);
        try
        {
            ReportAccess.Check(User, Selected, arguments);
            var file = await downloads.CreateAsync(Selected.Id, arguments, Format == "pdf", cancellationToken);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (ReportParameterException exception)
        {
            Errors.Add(InputId(exception.Parameter), ReportParameter.LabelOf(exception.Parameter), exception.Message);
        }
        catch (ScopeForbiddenException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        catch (Exception exception) when (exception is ReportNotFoundException or ReportFailedException or PdfUnavailableException
                                              or PdfConversionException)
        {
            Errors.AddGeneral(exception.Message);
        }
        return Page();
    }

    /// <summary>The input of a parameter, for the error summary's links.</summary>
    public static string InputId(ReportParameterKind kind) => kind switch
    {
        ReportParameterKind.Owner => "agare", ReportParameterKind.Insats => "insats", ReportParameterKind.Year => "ar",
        ReportParameterKind.Municipality => "kommun", ReportParameterKind.AsOfDate => "per-datum-val", _ => "rapport",
    };

    private async Task LoadChoicesAsync()
    {
        Reports = downloads.Reports.Where(r => ReportAccess.MayUse(User, r)).ToList();
        Selected = Reports.FirstOrDefault(r => string.Equals(r.Id, Report, StringComparison.OrdinalIgnoreCase)) ?? Reports.FirstOrDefault();
        Report = Selected?.Id;

        var visible = new List<Choice>();
        foreach (var id in (await owners.IdsAsync()).Where(User.CanAccessOwner))
        {
            var snapshot = await reader.OwnerAsync(id);
            if (snapshot.Exists)
                visible.Add(new Choice(id, snapshot.Name!));
        }
        OwnerChoices = visible;
        Owner = Pick(OwnerChoices, Owner);
        if (Owner is null)
            return;

        var owner = await reader.OwnerAsync(Owner);
        var insatser = new List<InsatsSnapshot>();
        foreach (var key in owner.Insatser)
        {
            var insats = await reader.InsatsAsync(Owner, GrainKeys.Segments(key)[^1]);
            if (insats.Exists)
                insatser.Add(insats);
        }
        InsatsChoices = insatser.Select(i => new Choice(i.Id, $"{i.Insats!.Title} ({i.Insats.PeriodStart.Year}–{i.Insats.PeriodEnd.Year})")).ToList();
        Insats = Pick(InsatsChoices, Insats);
        if (insatser.FirstOrDefault(i => i.Id == Insats) is { } chosen)
        {
            YearChoices = chosen.PlanYears.Order().Select(y => new Choice(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture))).ToList();
            AsOfChoices = HalfYearEnds(chosen.Insats!.PeriodStart, chosen.Insats.PeriodEnd)
                .Select(d => new Choice(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ToString("d MMMM yyyy", Reporting.SwedishFormat.Culture)))
                .ToList();
        }

        var ownOffice = User.GetRole() == AccessRole.Partnerkontor ? User.GetOrganisation() : null;
        MunicipalityChoices = (await reader.MunicipalitiesAsync(Owner))
            .Where(m => m.Exists && (ownOffice is null || ownOffice.IsMunicipality(m.Kommunkod)))
            .OrderBy(m => m.Name, StringComparer.Create(Reporting.SwedishFormat.Culture, ignoreCase: true))
            .Select(m => new Choice(m.Kommunkod, m.Name!))
            .ToList();
        if (ownOffice is not null)
            Municipality ??= MunicipalityChoices.FirstOrDefault()?.Value;
    }

    /// <summary>The 30 June and 31 December dates within the period, and the period's last day.</summary>
    public static IReadOnlyList<DateOnly> HalfYearEnds(DateOnly start, DateOnly end)
    {
        var dates = new SortedSet<DateOnly> { end };
        for (var year = start.Year; year <= end.Year; year++)
            foreach (var date in new[] { new DateOnly(year, 6, 30), new DateOnly(year, 12, 31) })
                if (date >= start && date <= end)
                    dates.Add(date);
        return dates.ToList();
    }

    private static string? Pick(IReadOnlyList<Choice> choices, string? wanted) =>
        choices.FirstOrDefault(c => c.Value == wanted)?.Value ?? choices.FirstOrDefault()?.Value;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
