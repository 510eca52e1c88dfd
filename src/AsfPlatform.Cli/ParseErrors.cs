using System.CommandLine;
using System.CommandLine.Parsing;

namespace AsfPlatform.Cli;

/// <summary>
/// System.CommandLine has no Swedish resources, so its parse errors are restated here in Swedish, naming the
/// option or word that was wrong.
/// </summary>
internal static class ParseErrors
{
    public static IEnumerable<string> Translate(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        foreach (var token in parse.UnmatchedTokens)
            yield return token.StartsWith('-')
                ? $"Okänt alternativ \"{token}\" för \"{CommandPath(parse.CommandResult)}\"."
                : $"Okänt kommando eller argument \"{token}\" för \"{CommandPath(parse.CommandResult)}\".";

        foreach (var error in parse.Errors)
        {
            if (unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                continue;
            yield return error.SymbolResult switch
            {
                OptionResult option when option.Tokens.Count == 0 =>
                    $"{option.Option.Name}: värde saknas (t.ex. {option.Option.Name} {option.Option.HelpName ?? "VÄRDE"}).",
                OptionResult option when option.Tokens.Count > 1 =>
                    $"{option.Option.Name}: får bara anges en gång.",
                OptionResult option => $"{option.Option.Name}: ogiltigt värde \"{string.Join(' ', option.Tokens.Select(t => t.Value))}\".",
                ArgumentResult argument => $"<{argument.Argument.Name}>: ogiltigt värde \"{string.Join(' ', argument.Tokens.Select(t => t.Value))}\".",
                CommandResult command when command.Command.Subcommands.Count > 0 =>
                    $"\"{CommandPath(command)}\" behöver ett underkommando: {string.Join(", ", command.Command.Subcommands.Select(c => c.Name))}.",
                _ => $"Fel i kommandoraden: {error.Message}",
            };
        }
    }

    internal static string CommandPath(CommandResult? result)
    {
        var names = new Stack<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
            if (r is CommandResult c)
                names.Push(c.Command is RootCommand ? "asf" : c.Command.Name);
        return string.Join(' ', names);
    }
}
