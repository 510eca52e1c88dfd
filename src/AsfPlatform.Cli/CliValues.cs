using System.Globalization;

namespace AsfPlatform.Cli;

/// <summary>Checks of option values, each failing with a Swedish message that names the option.</summary>
internal static class CliValues
{
    public static string Required(string? value, string option, string hint) =>
        string.IsNullOrWhiteSpace(value) ? throw CliException.Option(option, $"värde saknas; {hint}") : value.Trim();

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static int? Year(string? value, string option = "--year")
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            throw CliException.Option(option, $"\"{value}\" är inget årtal mellan 2000 och 2100 (t.ex. {option} 2018).");
        return year;
    }

    public static DateOnly? Date(string? value, string option = "--as-of")
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw CliException.Option(option, $"\"{value}\" är inget datum på formen ÅÅÅÅ-MM-DD (t.ex. {option} 2018-06-30).");
        return date;
    }

    public static string? Kommunkod(string? value, string option = "--municipality")
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var code = value.Trim();
        if (code.Length != 4 || !code.All(char.IsAsciiDigit))
            throw CliException.Option(option, $"\"{value}\" är ingen kommunkod; ange fyra siffror (t.ex. 2180 för Gävle).");
        return code;
    }
}
