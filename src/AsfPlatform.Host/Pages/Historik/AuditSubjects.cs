using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;

namespace AsfPlatform.Host.Pages.Historik;

/// <summary>
/// Names the people and things of audit entries: a user name becomes the account's display name, an entity path
/// ("finsam-gavleborg/company/asf-x") the company's name with a link to its page. One instance serves one request
/// and remembers what it looked up.
/// </summary>
public sealed class AuditSubjects(DomainReader reader, IUserAccountService accounts)
{
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditSubject> _things = new(StringComparer.Ordinal);

    /// <summary>The display name of whoever made a change.</summary>
    public async Task<string> ActorAsync(string actor)
    {
        if (_people.TryGetValue(actor, out var known))
            return known;
        var name = actor switch
        {
            "system" => "Systemet",
            _ when actor.StartsWith("cli:", StringComparison.Ordinal) => $"Kommandoraden ({await PersonAsync(actor[4..])})",
            _ => await PersonAsync(actor),
        };
        return _people[actor] = name;
    }

    /// <summary>The thing an entry is about, by name, with a link for <paramref name="user"/> when there is a page.</summary>
    public async Task<AuditSubject> SubjectAsync(AuditEntry entry, ClaimsPrincipal user)
    {
        var key = entry.EntityType + "|" + entry.EntityId;
        if (entry.EntityType == AuditEntityTypes.Token || !_things.TryGetValue(key, out var subject))
        {
            subject = await LookUpAsync(entry, user);
            _things[key] = subject;
        }
        return subject;
    }

    private async Task<AuditSubject> LookUpAsync(AuditEntry entry, ClaimsPrincipal user)
    {
        var admin = user.GetRole() == AccessRole.Förbundsadmin;
        var parts = entry.EntityId.Split('/');
        switch (entry.EntityType)
        {
            case AuditEntityTypes.Owner:
                var owner = await reader.OwnerAsync(parts[0]);
                return new(owner.Name ?? "en borttagen organisation", admin ? $"/agare/{parts[0]}" : null);
            case AuditEntityTypes.Municipality when parts.Length == 2 && parts[1].StartsWith('k'):
                return new(Kommunkod.NameOf(parts[1][1..]) ?? "en okänd kommun", $"/insats/{parts[0]}/foretag#kommuner");
            case AuditEntityTypes.Company when parts.Length == 3:
                var company = await reader.CompanyAsync(parts[0], parts[2]);
                return new(company.Company?.Name ?? AuditSentence.Text(entry.AfterJson ?? entry.BeforeJson, "name") ?? "ett borttaget företag",
                    company.Company is null ? null : $"/asf-register/{parts[0]}/{Uri.EscapeDataString(parts[2])}");
            case AuditEntityTypes.Insats when parts.Length == 2:
                var insats = await reader.InsatsAsync(parts[0], parts[1]);
                return new(insats.Insats?.Title ?? "en borttagen insats", admin && insats.Exists ? $"/insatser/{parts[0]}/{Uri.EscapeDataString(parts[1])}" : null);
            case AuditEntityTypes.Plan when parts.Length == 3:
                var planInsats = await reader.InsatsAsync(parts[0], parts[1]);
                return new($"handlingsplanen {parts[2]} för {planInsats.Insats?.Title ?? "en borttagen insats"}",
                    $"/insats/{parts[0]}/{Uri.EscapeDataString(parts[1])}/{parts[2]}");
            case AuditEntityTypes.Account:
                return new(await PersonAsync(entry.EntityId), admin ? $"/admin/anvandare/{Uri.EscapeDataString(entry.EntityId)}" : null);
            case AuditEntityTypes.Token:
                var name = AuditSentence.Text(entry.AfterJson ?? entry.BeforeJson, "name");
                return new(name is null ? "utan namn" : $"”{name}”", "/konto/api-nycklar");
        }
        return new("en post", null);
    }

    private async Task<string> PersonAsync(string userName) =>
        (await accounts.FindAsync(userName))?.DisplayName is { Length: > 0 } name ? name : "en borttagen användare";
}
