namespace AsfPlatform.Domain.Validation;

/// <summary>
/// A command was rejected; nothing was stored. <see cref="Errors"/> names each field and the reason (Swedish).
/// The web host maps this to HTTP 400.
/// </summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("Ogiltiga uppgifter: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new([new ValidationError(field, message)]);
}
