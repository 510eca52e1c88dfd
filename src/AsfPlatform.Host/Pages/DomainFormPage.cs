using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;
using AsfPlatform.Domain.Validation;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>
/// A form that changes one versioned record. The version read when the form was shown travels in a hidden field;
/// posting it back lets the grain refuse the change when someone else saved first, and the page then says so and
/// shows the current values instead of overwriting them.
/// </summary>
public abstract class DomainFormPage : PageModel
{
    /// <summary>The message shown when the record changed since the form was opened.</summary>
    public const string ConflictMessage =
        "Någon annan har ändrat uppgifterna sedan du öppnade formuläret. Ingenting sparades. Här nedan visas de aktuella " +
        "uppgifterna; kontrollera dem och skicka formuläret igen om din ändring fortfarande behövs.";

    /// <summary>The version the form was shown with.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>Why a recorded fact is corrected or removed (required then; the audit log keeps it).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Errors to show above the form.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>Set when the save was refused because of a newer version.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Set after a successful save.</summary>
    public string? Saved { get; protected set; }

    /// <summary>The owner's municipalities the signed-in user may record for (a partner office only its own), by name.</summary>
    public IReadOnlyList<KnownMunicipality> Municipalities { get; private set; } = [];

    /// <summary>Reads the owner's municipalities for the form's choices.</summary>
    protected async Task LoadMunicipalitiesAsync(DomainReader reader, string owner) =>
        Municipalities = (await reader.MunicipalitiesAsync(owner))
            .Where(m => m.Exists && User.CanEditMunicipality(m.Kommunkod))
            .Select(m => new KnownMunicipality(m.Kommunkod, m.Name!, m.Subregion))
            .OrderBy(m => m.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false))
            .ToList();

    /// <summary>The kommunkod of the user's own office, to preselect in a form; null for other organisations.</summary>
    protected string? OwnKommunkod => User.GetOrganisation() is { Kind: OrganisationKind.Kommun } office ? office.Id : null;

    /// <summary>Runs a change and turns every refusal into a message on the page; true when it was stored.</summary>
    protected async Task<bool> TryChangeAsync(Func<Task> change)
    {
        try
        {
            await change();
            return true;
        }
        catch (ValidationException exception)
        {
            foreach (var error in exception.Errors)
                Errors.Add(Field(error.Field).Id, Field(error.Field).Label, error.Message);
        }
        catch (ConcurrencyConflictException)
        {
            Conflict = true;
            Errors.AddGeneral(ConflictMessage);
        }
        catch (ScopeForbiddenException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        catch (NotFoundException exception)
        {
            Errors.AddGeneral(exception.Message);
        }
        return false;
    }

    /// <summary>After a conflict: the next submit applies to the version now shown (the posted value is dropped).</summary>
    protected void ShowVersion(long version)
    {
        ModelState.Remove(nameof(Version));
        Version = version;
    }

    /// <summary>Adds the binder's errors (a number field with letters, a missing date) to <see cref="Errors"/>.</summary>
    protected bool BindingFailed()
    {
        foreach (var (key, entry) in ModelState)
        {
            foreach (var error in entry.Errors)
            {
                var field = key.Contains('.') ? key[(key.IndexOf('.') + 1)..] : key;
                Errors.Add(Field(field).Id, Field(field).Label,
                    string.IsNullOrEmpty(error.ErrorMessage) || error.ErrorMessage.StartsWith("The ", StringComparison.Ordinal)
                        ? "Värdet kunde inte läsas; kontrollera formatet." : error.ErrorMessage);
            }
        }
        return Errors.Any;
    }

    /// <summary>The reason's input (<c>_Anledning</c>), the same on every form.</summary>
    public static readonly (string Id, string Label) ReasonInput = ("anledning", "Anledning");

    /// <summary>Validation field names and bound property names → (input id, label), for the error summary's links.</summary>
    protected abstract IReadOnlyDictionary<string, (string Id, string Label)> Fields { get; }

    // A field of a list item ("subregions[1].name") falls back to the list's own entry ("subregions").
    private (string Id, string Label) Field(string field) =>
        field is DomainWriter.ReasonField or nameof(Reason) ? ReasonInput :
        Lookup(field) ?? Lookup(field.Split('[', '.')[0]) ?? (field.Replace('.', '-'), field);

    private (string Id, string Label)? Lookup(string field) =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit ? hit.Value : null;
}
