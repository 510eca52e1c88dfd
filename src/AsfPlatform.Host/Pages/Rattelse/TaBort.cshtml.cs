using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Domain.Model;
using AsfPlatform.Host.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AsfPlatform.Host.Pages.Rattelse;

/// <summary>A recorded fact as the removal page shows it, and how to remove it.</summary>
public sealed record RemovableFact(string What, IReadOnlyList<(string Label, string Value)> Details, long Version, string BackUrl,
    bool MayRemove, Func<long, string?, Task> Remove);

/// <summary>
/// Removal of one recorded fact after confirmation, on a page of its own (no script needed): the fact as stored, a
/// required reason, and the version read, so a fact changed meanwhile is not removed unseen.
/// </summary>
[Authorize(Policy = AccessPolicies.Record)]
public sealed class TaBortModel(DomainReader reader, DomainWriter writer) : DomainFormPage
{
    /// <summary>The kinds of fact in the page's address.</summary>
    public const string Event = "aktivitet", Placement = "placering", MunicipalMilestone = "kommunmilstolpe", Figures = "siffror",
        NarrativeMilestone = "berattelse", Municipality = "kommun";

    protected override IReadOnlyDictionary<string, (string Id, string Label)> Fields { get; } =
        new Dictionary<string, (string, string)>();

    public RemovableFact Fact { get; private set; } = null!;

    /// <summary>The address of the removal page of a fact.</summary>
    public static string Path(string owner, string kind, string scope, string id) =>
        $"/ta-bort/{Uri.EscapeDataString(owner)}/{kind}/{Uri.EscapeDataString(scope)}/{Uri.EscapeDataString(id)}";

    public async Task<IActionResult> OnGetAsync(string owner, string kind, string scope, string id)
    {
        if (await FindAsync(owner, kind, scope, id) is not { } fact)
            return NotFound();
        if (!fact.MayRemove)
            return Forbid();
        (Fact, Version) = (fact, fact.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string owner, string kind, string scope, string id)
    {
        if (await FindAsync(owner, kind, scope, id) is not { } fact)
            return NotFound();
        Fact = fact;
        if (await TryChangeAsync(() => fact.Remove(Version, Reason)))
        {
            TempData["Saved"] = $"{fact.What} är borttagen.";
            return Redirect(fact.BackUrl);
        }
        if (Conflict)
            ShowVersion(fact.Version);
        return Page();
    }

    private bool MayEdit(string? kommunkod) => DomainWriter.MayChange(User, kommunkod);

    private async Task<RemovableFact?> FindAsync(string owner, string kind, string scope, string id)
    {
        switch (kind)
        {
            case Event:
            {
                var e = await reader.EventAsync(owner, scope, id);
                if (e.Event is not { } ev) return null;
                return new($"Aktiviteten \"{ev.Title}\"",
                    [("Datum", ev.Date.ToString("yyyy-MM-dd")), ("Typ", SwedishNames.Of(ev.Type)), ("Titel", ev.Title),
                     ("Kommun", Kommunkod.NameOf(ev.Kommunkod) ?? ev.Kommunkod ?? "Hela länet")],
                    e.Version, $"/insats/{owner}/{scope}/{ev.Date.Year}", MayEdit(ev.Kommunkod),
                    (v, reason) => writer.RemoveEventAsync(User, owner, scope, id, v, reason));
            }
            case Placement:
            {
                var insats = await reader.InsatsAsync(owner, scope);
                if (!insats.Exists || (await reader.PlacementsAsync(owner, scope)).FirstOrDefault(p => p.Id == id) is not { } p) return null;
                return new($"Placeringen i {Kommunkod.NameOf(p.Kommunkod) ?? p.Kommunkod} {p.Year}",
                    [("År", p.Year.ToString()), ("Kommun", Kommunkod.NameOf(p.Kommunkod) ?? p.Kommunkod), ("Målgrupp", p.TargetGroup),
                     ("Beviljade platser", p.PlacesGranted.ToString()), ("Deltagare", p.Use?.Participants.ToString() ?? "–")],
                    insats.Version, $"/insats/{owner}/{scope}/{p.Year}/placering", MayEdit(p.Kommunkod),
                    (v, reason) => writer.RemovePlacementAsync(User, owner, scope, id, v, reason));
            }
            case MunicipalMilestone:
            {
                var municipality = await reader.MunicipalityAsync(owner, scope);
                if (municipality.Milestones.FirstOrDefault(m => m.Id == id) is not { } m) return null;
                return new($"Milstolpen \"{m.Title}\"",
                    [("Kommun", municipality.Name ?? scope), ("Datum", m.Date.ToString("yyyy-MM-dd")), ("Typ", SwedishNames.Of(m.Kind)),
                     ("Titel", m.Title)],
                    municipality.Version, $"/kommun/{owner}/{scope}/milstolpe", MayEdit(scope),
                    (v, reason) => writer.RemoveMunicipalMilestoneAsync(User, owner, scope, id, v, reason));
            }
            case Figures:
            {
                var company = await reader.CompanyAsync(owner, scope);
                if (!DateOnly.TryParseExact(id, "yyyy-MM-dd", out var date)
                    || company.Figures.FirstOrDefault(f => f.Date == date) is not { } f) return null;
                return new($"Siffrorna per {id} för {company.Company!.Name}",
                    [("Företag", company.Company.Name), ("Datum", id), ("Anställda kvinnor", f.EmployedWomen.ToString()),
                     ("Anställda män", f.EmployedMen.ToString()), ("Deltagare via AF", f.ParticipantsAf.ToString()),
                     ("Deltagare via kommunen", f.ParticipantsMunicipality.ToString()), ("Övriga deltagare", f.ParticipantsOther.ToString())],
                    company.Version, $"/foretag/{owner}/{scope}/siffror", MayEdit(company.Kommunkod),
                    (v, reason) => writer.RemoveCompanyFiguresAsync(User, owner, scope, date, v, reason));
            }
            case NarrativeMilestone:
            {
                var insats = await reader.InsatsAsync(owner, scope);
                if (insats.Milestones.FirstOrDefault(m => m.Id == id) is not { } m) return null;
                return new($"Milstolpen i berättelsen för {m.Year}",
                    [("Insats", insats.Insats!.Title), ("År", m.Year.ToString()), ("Datum", m.Date?.ToString("yyyy-MM-dd") ?? "–"),
                     ("Vad hände", m.Text), ("Etikett", m.Tag ?? "–")],
                    insats.Version, $"/insats/{owner}/{scope}/berattelse", User.GetRole() == AccessRole.Förbundsadmin,
                    (v, reason) => writer.RemoveNarrativeMilestoneAsync(User, owner, scope, id, v, reason));
            }
            case Municipality:
            {
                // The owner stops working with the municipality (scope and id are both its kommunkod).
                var municipality = await reader.MunicipalityAsync(owner, scope);
                if (!municipality.Exists) return null;
                return new($"Kommunen {municipality.Name} i organisationen",
                    [("Kommun", municipality.Name!), ("Kommunkod", municipality.Kommunkod)],
                    municipality.Version, $"/agare/{owner}", User.GetRole() == AccessRole.Förbundsadmin,
                    (v, reason) => writer.RemoveMunicipalityAsync(User, owner, scope, v, reason));
            }
            default:
                return null;
        }
    }
}
