using AsfPlatform.Access;

namespace AsfPlatform.Host.Pages;

/// <summary>Validation errors of a form, each tied to the input it concerns (for the error summary's links).</summary>
public sealed class FormErrors
{
    private static readonly Dictionary<string, (string Id, string Label)> KnownFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["userName"] = ("anvandarnamn", "Användarnamn"),
        ["displayName"] = ("visningsnamn", "Namn"),
        ["password"] = ("losenord", "Lösenord"),
        ["role"] = ("roll", "Roll"),
        ["organisation"] = ("organisation", "Organisation"),
        ["name"] = ("nyckelnamn", "Namn på nyckeln"),
        ["owner"] = ("agare", "Ägare"),
        ["currentPassword"] = ("nuvarande-losenord", "Nuvarande lösenord"),
        ["newPassword"] = ("nytt-losenord", "Nytt lösenord"),
    };

    private readonly List<FormError> _errors = [];

    /// <summary>The errors in the order they were found.</summary>
    public IReadOnlyList<FormError> Items => _errors;

    /// <summary>Whether there are any.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Adds an error for an input.</summary>
    public void Add(string inputId, string label, string message) => _errors.Add(new FormError(inputId, label, message));

    /// <summary>Adds the error of a rejected access operation.</summary>
    public void Add(AccessValidationException exception)
    {
        var (id, label) = KnownFields.TryGetValue(exception.Field, out var known) ? known : (exception.Field, exception.Field);
        Add(id, label, exception.Message);
    }

    /// <summary>Adds a message not tied to one input.</summary>
    public void AddGeneral(string message) => _errors.Add(new FormError(null, null, message));
}

/// <summary>One form error.</summary>
public sealed record FormError(string? InputId, string? Label, string Message);
