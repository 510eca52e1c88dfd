using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Spectre.Console;

namespace AsfPlatform.Cli;

/// <summary>
/// Help in Swedish. System.CommandLine's own help has English headings and no Swedish resources, so asf writes its
/// help itself from the same command tree.
/// </summary>
internal sealed class SwedishHelpAction(CliEnvironment environment) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        Write(environment.Out, parseResult.CommandResult.Command);
        return ExitCodes.Ok;
    }

    public static void Write(IAnsiConsole console, Command command)
    {
        var path = CommandPath(command);
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            console.MarkupLine("[bold]Beskrivning:[/]");
            console.WriteLine("  " + command.Description);
            console.WriteLine();
        }

        console.MarkupLine("[bold]Användning:[/]");
        var arguments = string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $" <{a.Name}>"));
        var usage = $"  {path}{arguments}";
        if (command.Subcommands.Count > 0)
            usage += " [kommando]";
        console.WriteLine(usage + " [alternativ]");
        console.WriteLine();

        var rows = new List<(string, string)>();
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
            rows.Add(($"<{argument.Name}>", argument.Description ?? ""));
        if (rows.Count > 0)
            WriteSection(console, "Argument:", rows);

        var options = AllOptions(command).Where(o => !o.Hidden).Select(o =>
        {
            // Only the usual spellings of help (-h, --help); the others (/?, -?) still work.
            IEnumerable<string> aliases = o is HelpOption ? ["-h"] : o.Aliases.Order(StringComparer.Ordinal);
            var names = string.Join(", ", new[] { o.Name }.Concat(aliases));
            var value = o is HelpOption || o.ValueType == typeof(bool) ? "" : $" <{o.HelpName ?? "VÄRDE"}>";
            return (names + value, o.Description ?? "");
        }).ToList();
        WriteSection(console, "Alternativ:", options);

        var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c =>
            (c.Name + string.Concat(c.Arguments.Select(a => $" <{a.Name}>")), c.Description ?? "")).ToList();
        if (subcommands.Count > 0)
            WriteSection(console, "Kommandon:", subcommands);
    }

    private static void WriteSection(IAnsiConsole console, string title, List<(string Name, string Text)> rows)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(2)).AddColumn();
        foreach (var (name, text) in rows)
            grid.AddRow(new Text(name), new Text(text));
        console.Write(grid);
        console.WriteLine();
    }

    /// <summary>The command's own options, then the recursive options of its ancestors (e.g. --database).</summary>
    private static IEnumerable<Option> AllOptions(Command command)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in command.Options)
            if (seen.Add(option.Name))
                yield return option;
        foreach (var parent in Ancestors(command))
            foreach (var option in parent.Options.Where(o => o.Recursive))
                if (seen.Add(option.Name))
                    yield return option;
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            yield return parent;
    }

    private static string CommandPath(Command command) =>
        string.Join(' ', Ancestors(command).Reverse().Append(command).Select(c => c is RootCommand ? "asf" : c.Name));
}
