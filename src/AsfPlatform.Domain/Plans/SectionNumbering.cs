using System.Text.RegularExpressions;

namespace AsfPlatform.Domain.Plans;

/// <summary>
/// The numbers the handlingsplan document gives its sections. A plan whose every section has a number ("1", "1.2",
/// "10.3") is printed with those numbers, as the association wrote them (its 2017 plan goes from 1. Bakgrund to 1.2,
/// with no 1.1), and a short line of a section's text such as "5.2.1 Platser hos ASF" keeps its own number too. A plan
/// with a section without a number is numbered by level, counting from 1. The plan editor shows these numbers, so
/// what an officer edits is what the board reads.
/// </summary>
public static partial class SectionNumbering
{
    // "5.2.1 Platser hos ASF": two or more number groups, then a title that does not end a sentence.
    [GeneratedRegex(@"^(?<number>\d+(\.\d+)+)\s+(?<title>\p{Lu}[^.:;]*)$")]
    private static partial Regex SubHeadingLine();

    [GeneratedRegex(@"^\d+(\.\d+)*\.?$")]
    private static partial Regex OwnNumber();

    /// <summary>Whether every section carries a number of its own ("1", "1.2"), so the plan is printed with them.</summary>
    public static bool UsesOwnNumbers(IReadOnlyList<PlanSection> sections) =>
        Written(sections).Any() && Written(sections).All(s => OwnNumber().IsMatch(s.Number.Trim()));

    // The editor's blank row for a new section has neither number nor title yet, and says nothing about the plan's numbers.
    private static IEnumerable<PlanSection> Written(IReadOnlyList<PlanSection> sections) =>
        sections.Where(s => !string.IsNullOrWhiteSpace(s.Number) || !string.IsNullOrWhiteSpace(s.Title));

    /// <summary>A stored number as the document prints it: "1" → "1.", "1.2" stays "1.2".</summary>
    public static string Display(string number)
    {
        var trimmed = number.Trim().TrimEnd('.');
        return trimmed.Contains('.') ? trimmed : trimmed + ".";
    }

    /// <summary>The number of a sub-heading line of stored text ("5.2.1"), or null when the line is not one.</summary>
    public static string? SubHeadingNumber(string line) =>
        line.Length <= 80 && SubHeadingLine().Match(line) is { Success: true } m ? m.Groups["number"].Value : null;

    /// <summary>The title of a sub-heading line of stored text, or null when the line is not one.</summary>
    public static string? SubHeadingTitle(string line) =>
        line.Length <= 80 && SubHeadingLine().Match(line) is { Success: true } m ? m.Groups["title"].Value : null;

    /// <summary>The heading level (1–3) of a section.</summary>
    public static int LevelOf(PlanSection section) => Math.Clamp(section.Number.Count(c => c == '.') + 1, 1, 3);

    /// <summary>The document's number of each section ("1.", "1.1", "3.2"), in order.</summary>
    public static IReadOnlyList<string> Numbers(IReadOnlyList<PlanSection> sections)
    {
        if (UsesOwnNumbers(sections))
            return sections.Select(s => string.IsNullOrWhiteSpace(s.Number) ? "" : Display(s.Number)).ToList();

        var counters = new int[3];
        string Next(int level)
        {
            counters[level - 1]++;
            for (var deeper = level; deeper < counters.Length; deeper++) counters[deeper] = 0;
            return level == 1 ? $"{counters[0]}." : string.Join('.', counters.Take(level));
        }

        var numbers = new List<string>(sections.Count);
        foreach (var section in sections)
        {
            var level = LevelOf(section);
            numbers.Add(Next(level));
            foreach (var line in (section.Text ?? "").Replace("\r\n", "\n").Split('\n'))
                if (SubHeadingTitle(line.Trim()) is not null)
                    Next(Math.Min(level + 1, 3));
        }
        return numbers;
    }
}
