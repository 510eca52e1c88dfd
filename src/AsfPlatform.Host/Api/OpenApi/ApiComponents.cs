using Microsoft.OpenApi;

namespace AsfPlatform.Host.Api.OpenApi;

/// <summary>
/// The parts of the OpenAPI document written once and referenced from every operation: the two ways to sign in,
/// the conditional headers with their rules, the ETag header, and one problem response per status.
/// </summary>
internal static class ApiComponents
{
    public const string Bearer = "apiNyckel", Cookie = "inloggning";
    public const string IfMatch = "IfMatch", IfNoneMatch = "IfNoneMatch", IfMatchOptional = "IfMatchValfri",
        IfNoneMatchOptional = "IfNoneMatchValfri", ETag = "ETag";

    /// <summary>The document's description: the API in short and the version rules every write refers to.</summary>
    public const string Description = """
        AsfPlatformens API för planering och uppföljning av arbetsintegrerande sociala företag (ASF).

        ## Inloggning
        Skicka en personlig API-nyckel i huvudet `Authorization: Bearer <nyckel>`. Nyckeln skapas på sidan
        *API-nycklar* (`/konto/api-nycklar`) och har samma behörighet som kontot (roll och eventuell organisation).
        Webbgränssnittets inloggningscookie gäller också. Utan giltig inloggning svarar API:t 401, utan behörighet 403.

        ## Versioner (ETag, If-Match, If-None-Match)
        Allt som kan ändras har en version. Den kommer i svarshuvudet `ETag` när du läser eller skriver, t.ex.
        `"3fa94c1e07d2-v7"`: ETag:en namnger posten (en kort kontrollsumma av postens adress) och dess version, så en
        ETag från en annan post gäller aldrig, även om versionsnumret är detsamma. Skicka den oförändrad.
        - **Ändra** något som finns: skicka `If-Match` med den ETag du senast läste. Utan huvudet svarar API:t
          **428**; har någon annan ändrat sedan dess svarar det **412** med den aktuella ETag:en i svarshuvudet och
          en text som säger vems version som förväntades (organisationen, kommunen, företaget, insatsen,
          handlingsplanen eller aktiviteten). En ETag från en annan post än den som ändras ger också **412**.
          Läs då in posten på nytt, gör om ändringen och skicka igen.
        - **Skapa** något nytt: skicka `If-None-Match: *` (och inget `If-Match`). Finns det redan svarar API:t **412**.
        - En aktivitet (`…/events/{eventId}`) har en egen version, skild från insatsens. Ta bort- och
          rättelseanrop anger vems ETag som gäller i sin beskrivning.
        - Rättelse av något som redan är registrerat och borttagning kräver också frågeparametern `reason`
          (3–500 tecken), som sparas i ändringsloggen.

        ## Fel
        Alla fel är ProblemDetails (`application/problem+json`) på svenska. Fel i indata (400) har `errors` med
        egenskapens sökväg i begäran som nyckel (`employedWomen`, `use.placesUsed`, `organisers[0]`; `$` för hela
        innehållet). Inget sparas när ett anrop nekas. 503 med `Retry-After` betyder att klustret tillfälligt inte svarar.
        """;

    private static readonly Dictionary<int, string> ProblemText = new()
    {
        [400] = "Fel i indata: `errors` nämner varje fält med dess sökväg i begäran. Inget sparades.",
        [401] = "Inloggning krävs: skicka `Authorization: Bearer <API-nyckel>`.",
        [403] = "Kontot saknar behörighet (roll, organisation eller kommun). Inget sparades.",
        [404] = "Finns inte (organisationen, eller det som adressen pekar på).",
        [409] = "Konflikt med något som redan finns (t.ex. ett användarnamn).",
        [412] = "Fel version: någon annan hann före, If-Match var inte postens ETag (t.ex. en annan posts), eller det som skulle skapas " +
                "(If-None-Match: *) finns redan. Svaret har den aktuella ETag:en. Se *Versioner* i API-beskrivningen.",
        [415] = "Innehållet skickades inte som JSON (Content-Type: application/json). Inget sparades.",
        [428] = "If-Match (ändring) eller If-None-Match: * (ny post) saknas. Se *Versioner* i API-beskrivningen.",
        [503] = "Klustret svarar inte just nu; försök igen efter `Retry-After` sekunder.",
    };

    /// <summary>The problem statuses the document describes.</summary>
    public static IReadOnlyCollection<int> ProblemStatuses => ProblemText.Keys;

    /// <summary>The component name of the problem response for <paramref name="status"/>.</summary>
    public static string Problem(int status) => $"Problem{status}";

    /// <summary>Adds the shared parts once (both transformers call it; whichever runs first adds them).</summary>
    public static void Ensure(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        var components = document.Components;
        components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        if (components.SecuritySchemes.ContainsKey(Bearer))
            return;
        components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "Personlig API-nyckel från sidan API-nycklar (/konto/api-nycklar), i huvudet Authorization: Bearer <nyckel>.",
        };
        components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "asf.auth",
            Description = "Webbgränssnittets inloggning (för anrop från en inloggad webbläsare).",
        };

        components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        components.Parameters[IfMatch] = Header("If-Match", true, "ETag:en du läste från just den posten, t.ex. \"3fa94c1e07d2-v7\". Krävs för ändringar (428 utan, 412 om den är inaktuell eller gäller en annan post).", "\"3fa94c1e07d2-v7\"");
        components.Parameters[IfNoneMatch] = Header("If-None-Match", true, "`*`: skapa ny (412 om den redan finns; 428 utan huvudet).", "*");
        components.Parameters[IfMatchOptional] = Header("If-Match", false, "Ändring av något som finns: ETag:en du läste. Skicka antingen detta eller If-None-Match: *.", "\"3fa94c1e07d2-v7\"");
        components.Parameters[IfNoneMatchOptional] = Header("If-None-Match", false, "`*`: skapa ny. Skicka antingen detta eller If-Match.", "*");

        components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        components.Headers[ETag] = new OpenApiHeader
        {
            Description = "Postens version efter anropet; skicka den i If-Match vid nästa ändring.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = "\"v8\"",
        };

        components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var (status, text) in ProblemText)
        {
            var response = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = ProblemSchema(status == 400 || status == 415) },
                },
            };
            if (status == 412)
                response.Headers = new Dictionary<string, IOpenApiHeader> { [ETag] = new OpenApiHeaderReference(ETag, document) };
            components.Responses[Problem(status)] = response;
        }
    }

    private static OpenApiParameter Header(string name, bool required, string description, string example) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = required, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = example,
    };

    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 ProblemDetails med svensk titel och text.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            },
        };
        if (withErrors)
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Fel per fält, med egenskapens sökväg i begäran som nyckel.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        return schema;
    }
}
