namespace AsfPlatform.Reporting;

/// <summary>
/// Writes text stored in the data (plan sections, descriptions) as document content. The stored form is plain
/// text: blank lines separate paragraphs, lines starting with "- " are list items, and a short line such as
/// "5.2.1 Platser hos ASF" is a sub-heading, and so is an unnumbered line written "## Huvudsakliga aktiviteter". Every report that prints stored text writes it through here.
/// </summary>
public static partial class StoredText
{
    /// <summary>
    /// Writes <paramref name="text"/>; sub-headings become headings at <paramref name="subheadingLevel"/> (null: bold
    /// paragraphs). With <paramref name="ownNumbers"/> a numbered sub-heading line ("5.2.1 Platser hos ASF") keeps its
    /// own number (<see cref="IDocumentBuilder.NumberedHeading"/>) and a '## ' line is unnumbered, for documents that
    /// print the numbers their source gave.
    /// </summary>
    public static void Write(IDocumentBuilder document, string? text, int? subheadingLevel = null, bool ownNumbers = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var bullets = new List<string>();
        void FlushBullets()
        {
            if (bullets.Count == 0) return;
            document.BulletList(bullets.ToList());
            bullets.Clear();
        }

        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                FlushBullets();
                continue;
            }
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("• ", StringComparison.Ordinal))
            {
                bullets.Add(line[2..].Trim());
                continue;
            }
            FlushBullets();
            var unnumbered = line.StartsWith("## ", StringComparison.Ordinal);
            var heading = unnumbered ? line[3..].Trim() : AsfPlatform.Domain.Plans.SectionNumbering.SubHeadingTitle(line);
            if (heading is not null)
            {
                if (subheadingLevel is { } level && ownNumbers)
                {
                    if (!unnumbered && AsfPlatform.Domain.Plans.SectionNumbering.SubHeadingNumber(line) is { } number)
                        document.NumberedHeading(number, heading, Math.Clamp(number.Count(c => c == '.') + 1, 1, 3));
                    else
                        document.Heading(heading, Math.Clamp(level, 1, 3), numbered: false);
                }
                else if (subheadingLevel is { } level2)
                    document.Heading(heading, Math.Clamp(level2, 1, 3));
                else
                    document.Paragraph(TextSpan.Strong(unnumbered ? heading : line));
                continue;
            }
            document.Paragraph(line);
        }
        FlushBullets();
    }
}
