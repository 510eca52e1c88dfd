using System.Security.Claims;
using AsfPlatform.Contracts;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Host.Domain;

// The insats' own texts (background, assignment, analysis, conclusions, lessons, year narratives): the association's
// words, which the final report prints as written. Versioned with the insats and audited with before and after.
public sealed partial class DomainWriter
{
    /// <summary>Replaces the insats' texts as a whole (the association only).</summary>
    public async Task<InsatsSnapshot> SetNarrativeAsync(ClaimsPrincipal user, string owner, string insatsId, InsatsNarrative narrative,
        long expected)
    {
        RequireAdmin(user);
        var key = GrainKeys.Insats(owner, insatsId);
        var grain = await RequireInsatsAsync(key, insatsId);
        var before = (await grain.GetSnapshot()).Narrative;
        var after = await grain.SetNarrative(new SetInsatsNarrative(narrative, expected));
        if (after.Version != expected)
            await AuditAsync(user, Insats, key, "insatsens texter ändrade", before, after.Narrative);
        return after;
    }
}
