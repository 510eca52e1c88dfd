namespace AsfPlatform.Domain.Validation;

/// <summary>
/// A command was rejected; nothing was stored. <see cref="Errors"/> names each field and the reason (Swedish).
/// The web host maps this to HTTP 400. Serializable, so it crosses silos with its errors intact.
/// </summary>
[GenerateSerializer, Alias("asf.ValidationException")]
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base("Ogiltiga uppgifter: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    [Id(0)]
    public IReadOnlyList<ValidationError> Errors { get; private set; }

    public static ValidationException For(string field, string message) => new([new ValidationError(field, message)]);
}
