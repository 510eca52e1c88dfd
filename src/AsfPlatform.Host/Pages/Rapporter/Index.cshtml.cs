using AsfPlatform.Host.Domain;
using AsfPlatform.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Rapporter;

/// <summary>Generates a report and sends it as a download (Word, or PDF when LibreOffice is installed).</summary>
[Authorize(Policy = Access.Authentication.AccessPolicies.Reports)]
public sealed class IndexModel(ReportDownloads downloads, KnownOwners owners) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Report { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Insats { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty] public string Format { get; set; } = "docx";

    public IReadOnlyList<ReportDescriptor> Reports => downloads.Reports;
    public bool PdfAvailable => downloads.PdfAvailable;
    public IReadOnlyList<string> Owners { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync()
    {
        Owners = await owners.IdsAsync();
        Owner ??= Owners.FirstOrDefault();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Owners = await owners.IdsAsync();
        var arguments = new ReportArguments(Blank(Owner), Blank(Insats), Year, Blank(Municipality));
        try
        {
            var file = await downloads.CreateAsync(Report ?? "", arguments, Format == "pdf", cancellationToken);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (ReportParameterException exception)
        {
            var id = exception.Parameter switch
            {
                ReportParameterKind.Owner => "agare", ReportParameterKind.Insats => "insats", ReportParameterKind.Year => "ar",
                ReportParameterKind.Municipality => "kommun", _ => "rapport",
            };
            Errors.Add(id, ReportParameter.LabelOf(exception.Parameter), exception.Message);
        }
        catch (Exception exception) when (exception is ReportNotFoundException or ReportFailedException or PdfUnavailableException
                                              or PdfConversionException)
        {
            Errors.AddGeneral(exception.Message);
        }
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
