using System.Text.Json;
using AsfPlatform.Access;
using AsfPlatform.Domain.Model;

namespace AsfPlatform.Host.Pages.Historik;

/// <summary>What an audit entry is about, by name, with the page that shows it (null when there is none).</summary>
public sealed record AuditSubject(string Name, string? Link);

/// <summary>One audit entry as people read it: a sentence, the page of the thing changed, the fields before and after.</summary>
public sealed record AuditLine(DateTimeOffset OccurredAt, string Sentence, string? Link, IReadOnlyList<AuditChange> Changes, string? Reason);

/// <summary>
/// Turns an audit entry into a Swedish sentence ("Anna Andersson ändrade anställda kvinnor för Glädjeverket per
/// 2018-12-31 från 4 till 5"). The log stores the action as the writer named it ("siffror registrerade per …",
/// "aktivitet registrerad: lan-…"); the sentence names the thing by what people call it, never by its id.
/// </summary>
public static class AuditSentence
{
    /// <summary>The sentence and changes of <paramref name="entry"/>, done by <paramref name="actor"/> (a display name)
    /// to <paramref name="subject"/>.</summary>
    public static AuditLine Of(AuditEntry entry, string actor, AuditSubject subject)
    {
        var changes = AuditChanges.Of(entry.BeforeJson, entry.AfterJson);
        var what = Phrase(entry, subject.Name, changes);
        return new AuditLine(entry.OccurredAt, $"{actor} {what}", subject.Link, changes, entry.Reason);
    }

    private static string Phrase(AuditEntry entry, string subject, IReadOnlyList<AuditChange> changes)
    {
        var action = entry.Action;
        var (before, after) = (entry.BeforeJson, entry.AfterJson);
        string After(string prefix) => action[prefix.Length..].Trim();
        // A replaced fact with one field changed says exactly that, the way people describe a correction.
        string? Single(string where) => before is null || after is null || changes.Count != 1 ? null : changes[0] switch
        {
            { Before: "–" } c => $"angav {c.Field} för {where}: {c.After}",
            { After: "–" } c => $"tog bort {c.Field} för {where} (var {c.Before})",
            var c => $"ändrade {c.Field} för {where} från {c.Before} till {c.After}",
        };
        string Changed(string verb, string where) => Single(where) ?? $"{verb} {where}";

        switch (entry.EntityType)
        {
            case AuditEntityTypes.Company when action.StartsWith("siffror registrerade per", StringComparison.Ordinal):
                return Changed(before is null ? "registrerade siffror för" : "ändrade siffrorna för", $"{subject} per {After("siffror registrerade per")}");
            case AuditEntityTypes.Company when action.StartsWith("siffror borttagna per", StringComparison.Ordinal):
                return $"tog bort siffrorna för {subject} per {After("siffror borttagna per")}";
            case AuditEntityTypes.Company when action.StartsWith("företag registrerat", StringComparison.Ordinal):
                return $"registrerade företaget {subject}";
            case AuditEntityTypes.Company when action.StartsWith("företag ändrat", StringComparison.Ordinal):
                return Changed("ändrade uppgifterna om företaget", subject);
            case AuditEntityTypes.Company when action.StartsWith("företag avslutat per", StringComparison.Ordinal):
                return $"avslutade företaget {subject} per {After("företag avslutat per")}";

            case AuditEntityTypes.Municipality when action.StartsWith("milstolpe registrerad:", StringComparison.Ordinal):
                return Changed(before is null ? "registrerade milstolpen" : "ändrade milstolpen", $"”{After("milstolpe registrerad:")}” i {subject}");
            case AuditEntityTypes.Municipality when action.StartsWith("milstolpe borttagen:", StringComparison.Ordinal):
                return $"tog bort milstolpen ”{After("milstolpe borttagen:")}” i {subject}";
            case AuditEntityTypes.Municipality when action.StartsWith("kommunen tillagd", StringComparison.Ordinal):
                return $"lade till {subject}";
            case AuditEntityTypes.Municipality when action.StartsWith("kommunen flyttad", StringComparison.Ordinal):
                return Changed("flyttade", subject);
            case AuditEntityTypes.Municipality when action.StartsWith("kommunen borttagen", StringComparison.Ordinal):
                return $"tog bort {subject} ur organisationen";

            case AuditEntityTypes.Insats when action.StartsWith("aktivitet registrerad", StringComparison.Ordinal):
                var recorded = Text(after, "aktivitet", "title") ?? "utan titel";
                return Text(before, "aktivitet", "title") is null
                    ? $"registrerade aktiviteten ”{recorded}” i {subject}"
                    : Changed("ändrade aktiviteten", $"aktiviteten ”{recorded}” i {subject}");
            case AuditEntityTypes.Insats when action.StartsWith("aktivitet borttagen", StringComparison.Ordinal):
                return $"tog bort aktiviteten ”{Text(before, "aktivitet", "title") ?? "utan titel"}” ur {subject}";
            case AuditEntityTypes.Insats when action.StartsWith("placering registrerad", StringComparison.Ordinal):
                return Changed(before is null ? "registrerade" : "ändrade", $"{Placement(after)} i {subject}");
            case AuditEntityTypes.Insats when action.StartsWith("placering borttagen", StringComparison.Ordinal):
                return $"tog bort {Placement(before)} ur {subject}";
            case AuditEntityTypes.Insats when action.StartsWith("milstolpe i berättelsen borttagen", StringComparison.Ordinal):
                return $"tog bort milstolpen ”{Short(Text(before, "text"))}” ur berättelsen om {subject}";
            case AuditEntityTypes.Insats when action.StartsWith("milstolpe i berättelsen", StringComparison.Ordinal):
                return Changed(before is null ? "skrev in milstolpen" : "ändrade milstolpen", $"”{Short(Text(after, "text"))}” i berättelsen om {subject}");
            case AuditEntityTypes.Insats when action.StartsWith("insatsens texter", StringComparison.Ordinal):
                return Changed("ändrade texterna för", subject);
            case AuditEntityTypes.Insats when action.StartsWith("insats skapad", StringComparison.Ordinal):
                return $"skapade insatsen {subject}";
            case AuditEntityTypes.Insats when action.StartsWith("insats ändrad", StringComparison.Ordinal):
                return Changed("ändrade insatsen", subject);
            case AuditEntityTypes.Insats when action.StartsWith("insats avslutad per", StringComparison.Ordinal):
                return $"avslutade insatsen {subject} per {After("insats avslutad per")}";

            case AuditEntityTypes.Plan when action.StartsWith("handlingsplan skapad", StringComparison.Ordinal):
                return $"skapade {subject} {After("handlingsplan skapad")}";
            case AuditEntityTypes.Plan when action.StartsWith("handlingsplan ändrad", StringComparison.Ordinal):
                return Changed("ändrade", subject);

            case AuditEntityTypes.Owner when action.StartsWith("organisation skapad", StringComparison.Ordinal):
                return $"lade upp organisationen {subject}";
            case AuditEntityTypes.Owner when action.StartsWith("organisationen ändrad", StringComparison.Ordinal):
                return Changed("ändrade organisationen", subject);

            case AuditEntityTypes.Account:
                return action switch
                {
                    "skapad" => $"skapade kontot för {subject}",
                    "ändrad" => Changed("ändrade kontot för", subject),
                    "nytt lösenord" => $"gav {subject} ett nytt lösenord",
                    "lösenord återställt (tillfälligt)" => $"gav {subject} ett tillfälligt lösenord",
                    "bytte eget lösenord" => "bytte sitt lösenord",
                    _ => $"{action} – kontot för {subject}",
                };
            case AuditEntityTypes.Token:
                return action switch
                {
                    "utfärdad" => $"skapade API-nyckeln {subject}",
                    "återkallad" => $"återkallade API-nyckeln {subject}",
                    _ => $"{action} – API-nyckeln {subject}",
                };
        }
        // An action this class does not know yet still reads as words about a named thing.
        return $"{action} – {subject}";
    }

    private static string Placement(string? json)
    {
        var year = Text(json, "year");
        var municipality = Kommunkod.NameOf(Text(json, "kommunkod")) ?? Text(json, "kommunkod");
        var group = Text(json, "targetGroup");
        return $"placeringar {year} i {municipality}" + (string.IsNullOrWhiteSpace(group) ? "" : $" ({group})");
    }

    private static string Short(string? text) =>
        text is null ? "utan text" : text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    /// <summary>A string or number at a path of the JSON, or null.</summary>
    internal static string? Text(string? json, params string[] path)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return null;
        }
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }
}
