using System.Text.RegularExpressions;

namespace AsfPlatform.Domain.Plans;

/// <summary>
/// The numbers the handlingsplan document gives its sections. The document numbers headings itself by level (a
/// section's stored number only tells its level: "1.2" is level 2), and a short line of a section's text such as
/// "5.2.1 Platser hos ASF" is a sub-heading one level down that takes a number too. The plan editor shows these
/// numbers, so what an officer edits is what the board reads.
/// </summary>
public static partial class SectionNumbering
{
    // "5.2.1 Platser hos ASF": two or more number groups, then a title that does not end a sentence.
    [GeneratedRegex(@"^\d+(\.\d+)+\s+(?<title>\p{Lu}[^.:;]*)$")]
    private static partial Regex SubHeadingLine();

    /// <summary>The title of a sub-heading line of stored text, or null when the line is not one.</summary>
    public static string? SubHeadingTitle(string line) =>
        line.Length <= 80 && SubHeadingLine().Match(line) is { Success: true } m ? m.Groups["title"].Value : null;

    /// <summary>The heading level (1–3) of a section.</summary>
    public static int LevelOf(PlanSection section) => Math.Clamp(section.Number.Count(c => c == '.') + 1, 1, 3);

    /// <summary>The document's number of each section ("1.", "1.1", "3.2"), in order.</summary>
    public static IReadOnlyList<string> Numbers(IReadOnlyList<PlanSection> sections)
    {
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
