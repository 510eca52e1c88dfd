namespace AsfPlatform.Domain.Validation;

/// <summary>One rejected field: which field and why, in Swedish.</summary>
public sealed record ValidationError(string Field, string Message);
