using System.Net.Http.Headers;
using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Spreadsheets;

namespace AsfPlatform.Host.Tests;

/// <summary>The import API as an office uses it: download a template, upload it filled in, confirm the preview.</summary>
public static class SpreadsheetImport
{
    public const string Base = WriteEndpoint.Owner + "/import/";

    /// <summary>A token client of a new partner office of the municipality.</summary>
    public static async Task<HttpClient> OfficeAsync(AsfHostFactory factory, string kommunkod)
    {
        var name = $"kontor-{kommunkod}-{Guid.NewGuid():N}"[..24];
        await factory.CreateUserAsync(name, AccessRole.Partnerkontor, OrganisationRef.Municipality(kommunkod));
        return await factory.TokenClientAsync(name);
    }

    public static async Task<HttpClient> AdminAsync(AsfHostFactory factory)
    {
        await factory.EnsureAdminAsync();
        return await factory.TokenClientAsync(AsfHostFactory.AdminUser);
    }

    public static async Task<byte[]> TemplateAsync(HttpClient client, string kind, string query = "")
    {
        var response = await client.GetAsync($"{Base}{kind}/template{query}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SpreadsheetFileType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public const string SpreadsheetFileType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, string kind, byte[] file, string fileName, string query = "")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetFileType);
        form.Add(content, "file", fileName);
        return await client.PostAsync($"{Base}{kind}/preview{query}", form);
    }

    public static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, string kind, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}{kind}/apply");
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The sheet's data rows as read back.</summary>
    public static IReadOnlyList<SheetRow> Rows(byte[] file, string sheet) =>
        WorkbookReader.Read(new MemoryStream(file)).Sheet(sheet)!.DataRows.ToList();

    /// <summary>An indicator's value in the 2017 plan as of 2017-12-31.</summary>
    public static async Task<decimal?> IndicatorAsync(HttpClient client, string id)
    {
        var indicators = await JsonAsync(await client.GetAsync(WriteEndpoint.Plan + "/indicators?asOf=2017-12-31"));
        var indicator = indicators.EnumerateArray().Single(i => i.GetProperty("indicatorId").GetString() == id);
        return indicator.GetProperty("value").ValueKind == JsonValueKind.Null ? null : indicator.GetProperty("value").GetDecimal();
    }
}
