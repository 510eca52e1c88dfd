using AsfPlatform.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>The audit log of one entity, newest first.</summary>
public sealed class HistorikModel(IAuditLog audit) : PageModel
{
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string entityType, string entityId, CancellationToken cancellationToken)
    {
        (EntityType, EntityId) = (entityType, Uri.UnescapeDataString(entityId));
        Entries = (await audit.ReadAsync(EntityType, EntityId, cancellationToken)).OrderByDescending(e => e.Sequence).ToList();
    }
}
