using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using AsfPlatform.Host.Import;
using AsfPlatform.Spreadsheets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages.Import;

/// <summary>
/// Import from Excel: download a collection's template, upload it filled in, see the preview (every row's change and
/// every problem by sheet and cell), then confirm — all rows are stored or none.
/// </summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class IndexModel(ImportService imports, DomainReader reader) : PageModel
{
    [FromRoute] public string Owner { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = ImportKinds.All[0].Id;
    [BindProperty(SupportsGet = true)] public int Year { get; set; } = DateTime.Today.Year - 1;
    [BindProperty(SupportsGet = true)] public string? Insats { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Token { get; set; }

    /// <summary>The owner's insatser, for placements and events.</summary>
    public IReadOnlyList<string> Insatser { get; private set; } = [];

    /// <summary>The preview of the uploaded file, once uploaded.</summary>
    public ImportPreview? Preview { get; private set; }

    /// <summary>Set after a confirmed import.</summary>
    public string? Saved { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The template as a download.</summary>
    public async Task<IActionResult> OnGetMallAsync()
    {
        if (ImportKinds.Parse(Kind) is not { } kind) return NotFound();
        try
        {
            var file = await imports.TemplateAsync(User, Owner, kind, Blank(Insats), Year);
            return File(file.Content, SpreadsheetFile.ContentType, file.FileName);
        }
        catch (ValidationException refused)
        {
            foreach (var e in refused.Errors) Errors.Add(e.Field, e.Field, e.Message);
            await LoadAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostForhandsgranskaAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (ImportKinds.Parse(Kind) is not { } kind) { Errors.Add("typ", "Typ", ImportKinds.Unknown(Kind)); return Page(); }
        if (Upload is null) { Errors.Add("fil", "Fil", "Välj arbetsboken (.xlsx) som ska läsas in."); return Page(); }
        try
        {
            await using var stream = Upload.OpenReadStream();
            Preview = await imports.PreviewAsync(User, Owner, kind, Blank(Insats), Year, Upload.FileName, stream);
        }
        catch (SpreadsheetRefusedException refused)
        {
            foreach (var problem in refused.Problems) Errors.AddGeneral(problem.ToString());
        }
        catch (ValidationException refused)
        {
            foreach (var e in refused.Errors) Errors.Add(e.Field, e.Field, e.Message);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostGenomforAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (ImportKinds.Parse(Kind) is not { } kind || string.IsNullOrEmpty(Token)) return BadRequest();
        try
        {
            var result = await imports.ApplyAsync(User, Owner, kind, Token);
            Saved = $"Importen från {result.FileName} är sparad: {result.Applied} rader ändrade eller nya, {result.Unchanged} oförändrade. Indikatorerna är uppdaterade.";
        }
        catch (Exception refused) when (refused is ImportStaleException || Api.DomainProblems.IsDomain(refused))
        {
            Errors.AddGeneral($"Ingenting sparades. {refused.Message}");
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var owner = await reader.OwnerAsync(Owner);
        Insatser = owner.Insatser;
        return owner.Exists;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
