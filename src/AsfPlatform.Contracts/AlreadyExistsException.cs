namespace AsfPlatform.Contracts;

/// <summary>
/// A create-only write (HTTP <c>If-None-Match: *</c>) found the thing already there. Nothing was stored. The web host
/// maps this to HTTP 412.
/// </summary>
[GenerateSerializer, Alias("asf.AlreadyExistsException")]
public sealed class AlreadyExistsException(string what) : Exception($"{what} finns redan. Läs in den och ändra den i stället.");
