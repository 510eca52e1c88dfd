namespace AsfPlatform.Host.Api.OpenApi;

/// <summary>Which conditional header a write takes (the rules are in the document's description, written once).</summary>
public enum Precondition
{
    /// <summary>A change: <c>If-Match</c> with the ETag read (428 without, 412 when stale).</summary>
    IfMatch,

    /// <summary>A create: <c>If-None-Match: *</c> (428 without, 412 when the thing exists).</summary>
    IfNoneMatch,

    /// <summary>Either: <c>If-None-Match: *</c> creates, <c>If-Match</c> changes what exists.</summary>
    IfMatchOrIfNoneMatch,
}

/// <summary>Endpoint metadata: the write takes <paramref name="Kind"/>; <paramref name="ETagOf"/> says whose ETag, in the genitive ("insatsens").</summary>
public sealed record VersionedWrite(Precondition Kind, string ETagOf);

/// <summary>Endpoint metadata: the 200 answer carries an ETag header (the version to send in If-Match).</summary>
public sealed record ETagResponse;

/// <summary>Endpoint metadata: problem statuses beyond those derived from the endpoint (409, 503 …).</summary>
public sealed record AlsoAnswers(int[] Statuses);

/// <summary>
/// How an endpoint declares what the OpenAPI document says of it beyond its summary: its answer type, whether it
/// carries an ETag, and the conditional header it takes. <see cref="ApiOperationTransformer"/> turns the metadata
/// into headers, responses and descriptions.
/// </summary>
internal static class EndpointDocs
{
    /// <summary>A read whose 200 answer is <typeparamref name="T"/> with its ETag.</summary>
    public static RouteHandlerBuilder ReadsVersioned<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>().WithMetadata(new ETagResponse());

    /// <summary>A change of what exists: If-Match with <paramref name="etagOf"/>'s ETag; answers <typeparamref name="T"/> with the new ETag.</summary>
    public static RouteHandlerBuilder Changes<T>(this RouteHandlerBuilder builder, string etagOf) =>
        builder.Produces<T>().WithMetadata(new ETagResponse(), new VersionedWrite(Precondition.IfMatch, etagOf));

    /// <summary>A create with If-None-Match: *; answers <typeparamref name="T"/> with its first ETag.</summary>
    public static RouteHandlerBuilder Creates<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>().WithMetadata(new ETagResponse(), new VersionedWrite(Precondition.IfNoneMatch, ""));

    /// <summary>A create (If-None-Match: *) or a change (If-Match with <paramref name="etagOf"/>'s ETag).</summary>
    public static RouteHandlerBuilder CreatesOrChanges<T>(this RouteHandlerBuilder builder, string etagOf) =>
        builder.Produces<T>().WithMetadata(new ETagResponse(), new VersionedWrite(Precondition.IfMatchOrIfNoneMatch, etagOf));

    /// <summary>Problem statuses the endpoint answers beyond the derived ones.</summary>
    public static TBuilder AlsoAnswers<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AlsoAnswers(statuses));
}
