using System.Text.RegularExpressions;
using AsfPlatform.Domain.Model;
using AsfPlatform.Reporting;

namespace AsfPlatform.Plugins.Tests;

/// <summary>Counts in every board document agree in number with what they count, as <see cref="SwedishText"/> words them.</summary>
[Collection(DatasetCollection.Name)]
public sealed class WordingTests(DatasetFixture fixture)
{
    private const string NotOne = @"(?<![\d,])(?:0|[2-9]|[1-9]\d+)";
    private const string One = @"(?<![\d,\-])1";

    /// <summary>Patterns of wrong forms, each with what it catches; the event types' forms come from the helper itself.</summary>
    private static readonly IReadOnlyList<(Regex Pattern, string Why)> WrongForms =
    [
        .. new (string Pattern, string Why)[]
        {
            ($@"{One} registrerade informationsinsatser", "plural after 1"),
            ($@"{NotOne} registrerad informationsinsats\b", "singular after a count other than 1"),
            (@"\d uppnått\b", "a status word used as a count"),
            (@"\d (?:risk|saknar data)\b", "a status word used as a count"),
            ("Fördelningen kön", "a garbled phrase from the source"),
            (@"Utfall: \d+ utan registrerat utfall", "a count of missing outcomes read as an outcome"),
            ($@"{One} (?:indikatorer|platser|kvinnor|män|personer|dagar|kommuner|procentenheter|aktiviteter|placeringar|summor|milstolpar|insatser)\b", "plural after 1"),
            ($@"{NotOne} (?:indikator|plats|kvinna|man|person|dag|kommun|procentenhet|aktivitet|placering|summa|milstolpe|insats)\b(?![-\w])", "singular after a count other than 1"),
        }.Select(w => (new Regex(w.Pattern), w.Why)),
        .. Enum.GetValues<EventType>().Select(SwedishText.EventTypeForms).Where(f => f.One != f.Many).SelectMany(f => new[]
        {
            (new Regex($@"{NotOne} {Regex.Escape(f.One)}\b(?![-\w])"), "singular event type after a count other than 1"),
            (new Regex($@"{One} {Regex.Escape(f.Many)}\b"), "plural event type after 1"),
        }),
    ];

    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task No_count_in_the_document_disagrees_in_number_with_what_it_counts(string name)
    {
        var document = await BoardDocuments.RunAsync(fixture, name);
        var wrong = document.Paragraphs
            .SelectMany(p => WrongForms.Where(w => w.Pattern.IsMatch(p)).Select(w => $"{w.Why}: \"{w.Pattern.Match(p).Value}\" i \"{p}\""))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task The_final_report_counts_its_events_by_type_in_the_plural_where_there_are_several()
    {
        var document = await BoardDocuments.RunAsync(fixture, "slutrapport");
        var context = await fixture.ContextAsync(BoardDocuments.Runs.Single(r => r.Name == "slutrapport").Arguments);
        var several = context.Events.GroupBy(e => (e.Date.Year, e.Type)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(several);
        foreach (var group in several)
            Assert.Contains(document.Paragraphs, p => p.StartsWith("Registrerade aktiviteter under året:", StringComparison.Ordinal)
                && p.Contains($"{group.Count()} {SwedishText.EventTypeForms(group.Key.Type).Many}", StringComparison.Ordinal));
    }
}

/// <summary>The cover dates a document by its content, and the printing date only as such.</summary>
[Collection(DatasetCollection.Name)]
public sealed class CoverDateTests(DatasetFixture fixture)
{
    [Theory]
    [MemberData(nameof(BoardDocuments.Names), MemberType = typeof(BoardDocuments))]
    public async Task The_cover_gives_the_printing_date_only_as_Utskriven_and_its_own_date_from_the_content(string name)
    {
        var run = BoardDocuments.Runs.Single(r => r.Name == name);
        var document = await BoardDocuments.RunAsync(fixture, name);
        var context = await fixture.ContextAsync(run.Arguments);
        var printed = SwedishFormat.Date(DatasetFixture.GeneratedAt);
        var cover = document.Paragraphs.TakeWhile(p => p != "Innehållsförteckning").ToList();

        Assert.Contains("Utskriven" + printed, cover);
        var dated = Assert.Single(cover, p => p.StartsWith("Datum", StringComparison.Ordinal) || p.StartsWith("Läget per", StringComparison.Ordinal));
        var date = DateOnly.Parse(dated[^10..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(printed, dated[^10..]);
        // A report is dated by the date its figures are given at: the as-of date, or the end of its year or insats.
        Assert.True(date <= context.AsOf, $"{dated} ligger efter rapportens datum {context.AsOf}.");
        if (run.ReportId is "lagesrapport" or "handlingsplan")
            Assert.Equal(context.AsOf, date);
    }
}
