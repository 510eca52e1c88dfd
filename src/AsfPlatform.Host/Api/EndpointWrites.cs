namespace AsfPlatform.Host.Api;

/// <summary>How every write endpoint answers: the If-Match version in, the new ETag out.</summary>
internal static class EndpointWrites
{
    /// <summary>A change of something that exists: If-Match is required (428 without, 412 when unreadable).</summary>
    public static async Task<IResult> ChangeAsync<T>(HttpContext http, Func<long, Task<T>> change, Func<T, long> version)
    {
        if (!Versioning.TryGetExpectedVersion(http.Request, out var expected, out var problem))
            return problem!;
        return await CreateAsync(http, () => change(expected), version);
    }

    /// <summary>A create: <c>If-None-Match: *</c> is required (428 without); 412 when the thing already exists.</summary>
    public static async Task<IResult> CreateOnlyAsync<T>(HttpContext http, Func<Task<T>> create, Func<T, long> version)
    {
        if (!Versioning.IsCreateOnly(http.Request))
            return TypedResults.Problem("Nya poster skapas med huvudet If-None-Match: * (och utan If-Match).",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-None-Match saknas");
        return await CreateAsync(http, create, version);
    }

    /// <summary>A write that names no version (a create with <c>If-None-Match: *</c>); answers with the new ETag.</summary>
    public static async Task<IResult> CreateAsync<T>(HttpContext http, Func<Task<T>> write, Func<T, long> version)
    {
        var after = await write();
        return Versioning.WithETag(http, after, version(after));
    }
}
