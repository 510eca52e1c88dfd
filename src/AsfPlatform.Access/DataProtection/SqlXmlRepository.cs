using System.Xml.Linq;
using AsfPlatform.Access.Data;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AsfPlatform.Access.DataProtection;

/// <summary>
/// ASP.NET Core Data Protection's key ring in the access database (<c>asf_dataprotection_keys</c>), so every host on
/// one database protects and unprotects with the same keys: a sign-in cookie or antiforgery token issued by one host
/// is valid on every other, and survives a restart or a new machine.
/// </summary>
/// <remarks>
/// Two hosts starting at once on an empty database may each create a key; both are stored (each under its own
/// name) and both stay valid, so a cookie protected with either is read everywhere: a host that meets a key it has
/// not loaded reloads the ring from here. The key manager calls this rarely (start, about daily, an unknown key),
/// which is why blocking on the database is acceptable in this synchronous interface.
/// </remarks>
internal sealed class SqlXmlRepository(AccessDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM asf_dataprotection_keys ORDER BY created_at, friendly_name")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        // The key manager names keys "key-{guid}" and revocations "revocation-…": a name is never reused for other
        // content, so a repeated store (a retry) leaves the first row as it is.
        connection.Execute(
            "INSERT INTO asf_dataprotection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @createdAt) " +
            "ON CONFLICT (friendly_name) DO NOTHING",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), createdAt = AccessDatabase.Now() });
    }
}
