namespace AsfPlatform.Host.Api;

/// <summary>How every write endpoint answers: the If-Match version in, the new ETag out.</summary>
internal static class EndpointWrites
{
    /// <summary>
    /// A change of <paramref name="resource"/> (its address, <see cref="ResourcePaths"/>): If-Match is required (428
    /// without, 412 when unreadable, stale or another resource's ETag).
    /// </summary>
    public static async Task<IResult> ChangeAsync<T>(HttpContext http, string resource, Func<long, Task<T>> change) where T : notnull
    {
        if (!Versioning.TryGetExpectedVersion(http.Request, resource, out var expected, out var problem))
            return problem!;
        return await CreateAsync(http, () => change(expected));
    }

    /// <summary>A create: <c>If-None-Match: *</c> is required (428 without); 412 when the thing already exists.</summary>
    public static async Task<IResult> CreateOnlyAsync<T>(HttpContext http, Func<Task<T>> create) where T : notnull
    {
        if (!Versioning.IsCreateOnly(http.Request))
            return TypedResults.Problem("Nya poster skapas med huvudet If-None-Match: * (och utan If-Match).",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-None-Match saknas");
        return await CreateAsync(http, create);
    }

    /// <summary>A write that names no version (a create with <c>If-None-Match: *</c>); answers with the new ETag.</summary>
    public static async Task<IResult> CreateAsync<T>(HttpContext http, Func<Task<T>> write) where T : notnull
    {
        var after = await write();
        return Versioning.WithETag(http, after);
    }
}
