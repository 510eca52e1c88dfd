namespace AsfPlatform.Domain.Validation;

/// <summary>One rejected field: which field and why, in Swedish.</summary>
[GenerateSerializer, Immutable, Alias("asf.ValidationError")]
public sealed record ValidationError(string Field, string Message);
