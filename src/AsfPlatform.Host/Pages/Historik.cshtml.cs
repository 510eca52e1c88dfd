using AsfPlatform.Access;
using AsfPlatform.Host.Pages.Historik;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AsfPlatform.Host.Pages;

/// <summary>The audit log of one entity, newest first, each entry as a sentence with its fields before and after.</summary>
public sealed class HistorikModel(IAuditLog audit, AsfPlatform.Host.Domain.DomainReader reader, IUserAccountService accounts) : PageModel
{
    /// <summary>The thing whose history this is.</summary>
    public AuditSubject Subject { get; private set; } = new("", null);

    /// <summary>The entries as people read them.</summary>
    public IReadOnlyList<AuditLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(string entityType, string entityId, CancellationToken cancellationToken)
    {
        var subjects = new AuditSubjects(reader, accounts); // per request: it remembers the names it looked up
        entityId = Uri.UnescapeDataString(entityId);
        var entries = (await audit.ReadAsync(entityType, entityId, cancellationToken)).OrderByDescending(e => e.Sequence).ToList();
        Subject = await subjects.SubjectAsync(new AuditEntry(0, default, "", entityType, entityId, "", null, null), User);
        var lines = new List<AuditLine>(entries.Count);
        foreach (var entry in entries)
            lines.Add(AuditSentence.Of(entry, await subjects.ActorAsync(entry.Actor), await subjects.SubjectAsync(entry, User)));
        Lines = lines;
    }
}
