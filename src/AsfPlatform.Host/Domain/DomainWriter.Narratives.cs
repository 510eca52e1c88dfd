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
        // The grain keeps the note only when the texts change (the same texts sent again store nothing).
        return await grain.SetNarrative(new SetInsatsNarrative(narrative, expected,
            Note(user, Insats, key, "insatsens texter ändrade", before, narrative with { Years = (narrative.Years ?? []).OrderBy(y => y.Year).ToList() })));
    }
}
