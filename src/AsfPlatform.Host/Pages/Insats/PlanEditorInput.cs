using System.Globalization;
using AsfPlatform.Domain.Indicators;
using AsfPlatform.Domain.Plans;

namespace AsfPlatform.Host.Pages.Insats;

/// <summary>A row of one of the plan's lists: removed when <see cref="Remove"/> is ticked; rows are sorted by <see cref="Order"/>.</summary>
public abstract class PlanRow
{
    public bool Remove { get; set; }
    public int? Order { get; set; }
}

public sealed class SectionRow : PlanRow
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
}

public sealed class GoalRow : PlanRow
{
    public string? Id { get; set; }
    public string? Text { get; set; }
}

public sealed class ActivityRow : PlanRow
{
    public string? Id { get; set; }
    public string? GoalId { get; set; }
    public string? Activity { get; set; }
    public string? How { get; set; }
    public string? Responsible { get; set; }
    public string? When { get; set; }
    public bool Done { get; set; }
}

public sealed class IndicatorRow : PlanRow
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public IndicatorKind Kind { get; set; } = IndicatorKind.StockAtDate;
    public MetricKind Metric { get; set; } = MetricKind.RegisteredCompanies;
    public MetricKind? Denominator { get; set; }
    public string? Categories { get; set; }
    public Direction Direction { get; set; } = Direction.Increase;
    public string? GoalId { get; set; }
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public decimal? TargetValue { get; set; }
    public DateOnly? TargetDate { get; set; }
    public string? Unit { get; set; }
    public string? TargetText { get; set; }
    /// <summary>One milestone a line: "2018-12-31: 5".</summary>
    public string? Milestones { get; set; }
    public bool SplitBySex { get; set; }
}

public sealed class BudgetRow : PlanRow
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public decimal? Amount { get; set; }
}

public sealed class RoleRow : PlanRow
{
    public string? Role { get; set; }
    public string? Title { get; set; }
}

/// <summary>
/// Everything the plan editor edits, each list with one blank row at its end for adding. Turned into plan content
/// by <see cref="ToContent"/>; what the form does not show of an indicator (scope, note) is kept from the stored one.
/// </summary>
public sealed class PlanInput
{
    public string? Title { get; set; }
    /// <summary>The day the board decided the plan (empty while it is a draft).</summary>
    public DateOnly? DecidedOn { get; set; }
    public List<SectionRow> Sections { get; set; } = [];
    public List<GoalRow> Goals { get; set; } = [];
    public List<ActivityRow> Activities { get; set; } = [];
    public List<IndicatorRow> Indicators { get; set; } = [];
    public List<BudgetRow> Budget { get; set; } = [];
    public List<RoleRow> Organisation { get; set; } = [];

    /// <summary>The form of a plan, with a blank row to add to each list.</summary>
    public static PlanInput From(PlanContent c, int year) => new()
    {
        Title = c.Title,
        DecidedOn = c.DecidedOn,
        Sections = [.. c.Sections.Select(s => new SectionRow { Number = s.Number, Title = s.Title, Text = s.Text }), new()],
        Goals = [.. c.Goals.Select(g => new GoalRow { Id = g.Id, Text = g.Text }), new()],
        Activities = [.. c.Activities.Select((a, i) => new ActivityRow
        {
            Id = a.Id, GoalId = a.GoalId, Activity = a.Activity, How = a.How, Responsible = a.Responsible, When = a.When, Done = a.Done, Order = i + 1,
        }), new()],
        Indicators = [.. c.Indicators.Select(d => new IndicatorRow
        {
            Id = d.Id, Title = d.Title, Kind = d.Kind, Metric = d.Source.Metric, Denominator = d.Source.Denominator,
            Categories = d.Source.Categories is { } cats ? string.Join(", ", cats) : null, Direction = d.Direction, GoalId = d.GoalId,
            BaselineValue = d.BaselineValue, BaselineDate = d.BaselineDate, PeriodStart = d.PeriodStart, TargetValue = d.TargetValue,
            TargetDate = d.TargetDate, Unit = d.Unit, TargetText = d.TargetText, SplitBySex = d.SplitBySex,
            Milestones = string.Join('\n', d.EffectiveMilestones.Select(m => $"{m.Date:yyyy-MM-dd}: {m.Target.ToString(CultureInfo.InvariantCulture)}")),
        }), new() { TargetDate = new DateOnly(year, 12, 31), PeriodStart = new DateOnly(year, 1, 1) }],
        Budget = [.. c.Budget.Select(b => new BudgetRow { Id = b.Id, Title = b.Title, Amount = b.Amount }), new()],
        Organisation = [.. c.Organisation.Select(r => new RoleRow { Role = r.Role, Title = r.Title }), new()],
    };

    /// <summary>
    /// The plan content the form describes, and for each list the form row of each kept item (so a refusal naming
    /// "aktiviteter[2]" points at the right row). A blank row adds nothing; a new row without an id gets one.
    /// Milestone lines that cannot be read are returned as errors (row index, message).
    /// </summary>
    public (PlanContent Content, Dictionary<string, List<int>> Rows, List<(int Row, string Message)> MilestoneErrors) ToContent(PlanContent stored)
    {
        var rows = new Dictionary<string, List<int>>();
        List<TOut> Keep<TIn, TOut>(string list, List<TIn> input, Func<TIn, bool> blank, Func<TIn, int, TOut> make) where TIn : PlanRow
        {
            var kept = input.Select((row, i) => (row, i)).Where(x => !x.row.Remove && !blank(x.row))
                .OrderBy(x => x.row.Order ?? int.MaxValue).ThenBy(x => x.i).ToList();
            rows[list] = kept.Select(x => x.i).ToList();
            return kept.Select(x => make(x.row, x.i)).ToList();
        }
        static string T(string? s) => s?.Trim() ?? "";
        static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

        var milestoneErrors = new List<(int, string)>();
        var content = stored with
        {
            Title = T(Title),
            DecidedOn = DecidedOn,
            Sections = Keep("avsnitt", Sections, r => string.IsNullOrWhiteSpace(r.Title) && string.IsNullOrWhiteSpace(r.Text),
                (r, _) => new PlanSection(T(r.Number), T(r.Title), r.Text?.Replace("\r\n", "\n") ?? "")),
            Goals = Keep("processmal", Goals, r => string.IsNullOrWhiteSpace(r.Id) && string.IsNullOrWhiteSpace(r.Text),
                (r, _) => new ProcessGoal(T(r.Id), T(r.Text))),
            Activities = Keep("aktiviteter", Activities, r => string.IsNullOrWhiteSpace(r.Activity) && string.IsNullOrWhiteSpace(r.Id),
                (r, _) => new PlanActivity(string.IsNullOrWhiteSpace(r.Id) ? NewId("a") : T(r.Id), T(r.GoalId), T(r.Activity), T(r.How),
                    T(r.Responsible), T(r.When), r.Done)),
            Indicators = Keep("indikatorer", Indicators, r => string.IsNullOrWhiteSpace(r.Title) && string.IsNullOrWhiteSpace(r.Id), (r, i) =>
            {
                var id = string.IsNullOrWhiteSpace(r.Id) ? NewId("i") : T(r.Id);
                var before = stored.Indicators.FirstOrDefault(d => d.Id == id);
                var categories = (r.Categories ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return new IndicatorDefinition(id, T(r.Title), r.Kind, new IndicatorSource(r.Metric, r.Denominator, categories.Length == 0 ? null : categories),
                    r.TargetValue ?? 0, r.TargetDate ?? stored.Indicators.FirstOrDefault()?.TargetDate ?? DateOnly.FromDateTime(DateTime.Today),
                    r.Direction, before?.Scope, r.PeriodStart, r.BaselineValue, r.BaselineDate, ReadMilestones(r.Milestones, i, milestoneErrors),
                    r.SplitBySex, string.IsNullOrWhiteSpace(r.GoalId) ? null : T(r.GoalId), Blank(r.Unit), Blank(r.TargetText), before?.Note);
            }),
            Budget = Keep("budget", Budget, r => string.IsNullOrWhiteSpace(r.Title) && r.Amount is null,
                (r, _) => new BudgetLine(string.IsNullOrWhiteSpace(r.Id) ? NewId("b") : T(r.Id), T(r.Title), r.Amount ?? 0)),
            Organisation = Keep("organisation", Organisation, r => string.IsNullOrWhiteSpace(r.Role) && string.IsNullOrWhiteSpace(r.Title),
                (r, _) => new OrganisationRole(T(r.Role), T(r.Title))),
        };
        return (content, rows, milestoneErrors);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IReadOnlyList<IndicatorMilestone>? ReadMilestones(string? text, int row, List<(int, string)> errors)
    {
        var milestones = new List<IndicatorMilestone>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out var date)
                && decimal.TryParse(parts[1].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var target))
                milestones.Add(new IndicatorMilestone(date, target));
            else
                errors.Add((row, $"Raden \"{line}\" kunde inte läsas; skriv ett delmål per rad som \"2018-12-31: 5\"."));
        }
        return milestones.Count == 0 ? null : milestones;
    }
}
