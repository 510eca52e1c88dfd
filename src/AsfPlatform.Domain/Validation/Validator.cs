using AsfPlatform.Domain.Model;

namespace AsfPlatform.Domain.Validation;

/// <summary>
/// Collects every problem of a command before anything is stored, so the user sees all of them at once.
/// Messages are Swedish and name the field.
/// </summary>
public sealed class Validator
{
    /// <summary>Upper bound for short texts (names, titles).</summary>
    public const int ShortText = 200;

    /// <summary>Upper bound for long texts (plan sections, narratives).</summary>
    public const int LongText = 20_000;

    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public Validator Add(string field, string message) { _errors.Add(new(field, message)); return this; }

    /// <summary>
    /// Bounded text that never holds a personal identity number, a control character (NUL, escape …), a lone half of a
    /// surrogate pair or a direction override; null allowed unless required, and text of only invisible characters
    /// counts as empty.
    /// </summary>
    public Validator Text(string field, string? value, int maxLength = ShortText, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(PersonalIdentityNumber.Normalise(value ?? "")))
        {
            if (required) Add(field, "Fältet måste fyllas i.");
            else if (!string.IsNullOrEmpty(value)) Add(field, "Texten innehåller bara osynliga tecken.");
            return this;
        }
        if (value!.Length > maxLength) Add(field, $"Texten får vara högst {maxLength} tecken (är {value.Length}).");
        if (TextRules.FindForbidden(value) is { } forbidden) Add(field, forbidden);
        if (PersonalIdentityNumber.ContainsAny(value))
            Add(field, "Texten innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras.");
        return this;
    }

    public Validator Texts(string field, IEnumerable<string>? values, int maxLength = ShortText, int maxCount = 100)
    {
        var i = 0;
        foreach (var v in values ?? [])
        {
            if (i == maxCount) { Add(field, $"Högst {maxCount} värden är tillåtna."); break; }
            Text($"{field}[{i++}]", v, maxLength, required: true);
        }
        return this;
    }

    /// <summary>An identifier used in keys: lowercase letters, digits, '-' and '.', 1–64 characters.</summary>
    public Validator Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Id måste anges.");
        if (value.Length > 64 || !value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            Add(field, "Id får bara innehålla små bokstäver a–z, siffror, '-' och '.' (högst 64 tecken).");
        return this;
    }

    /// <summary>Upper bound of every count and amount: far above any real figure, far below where sums overflow.</summary>
    public const decimal MaxNumber = 1_000_000_000m;

    /// <summary>The earliest and latest dates the platform accepts anywhere (an initiative's facts lie in between).</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1), LatestDate = new(2100, 12, 31);

    /// <summary>
    /// A subregion id: ASCII letters, digits, '-' and '.', 1–64 characters. Unlike <see cref="Id"/> it allows capitals,
    /// since Gävleborg's stored subregions are "Halsingland" and "Gastrikland".
    /// </summary>
    public Validator SubregionId(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Delregionens id måste anges.");
        if (value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            Add(field, "Delregionens id får bara innehålla bokstäver a–z, A–Z, siffror, '-' och '.' (högst 64 tecken).");
        return this;
    }

    /// <summary>A count or amount: not negative and at most <see cref="MaxNumber"/>.</summary>
    public Validator NonNegative(string field, decimal? value)
    {
        if (value < 0) Add(field, $"Värdet får inte vara negativt (är {value}).");
        else if (value > MaxNumber) Add(field, $"Värdet är orimligt stort (högst {MaxNumber:N0} är tillåtet).");
        return this;
    }

    /// <summary>A date within the years the platform follows (<see cref="EarliestDate"/>–<see cref="LatestDate"/>).</summary>
    public Validator Date(string field, DateOnly? date, bool required = false)
    {
        if (date is not { } d)
            return required ? Add(field, "Datum måste anges.") : this;
        if (d < EarliestDate || d > LatestDate)
            Add(field, $"Datumet {d:yyyy-MM-dd} är orimligt (tillåtet {EarliestDate:yyyy-MM-dd} – {LatestDate:yyyy-MM-dd}).");
        return this;
    }

    public Validator SumEquals(string field, long total, string partsLabel, params long[] parts)
    {
        var sum = parts.Sum();
        if (sum != total) Add(field, $"Summan av {partsLabel} ({sum}) ska vara lika med totalen ({total}).");
        return this;
    }

    public Validator AtMost(string field, long value, long max, string maxLabel)
    {
        if (value > max) Add(field, $"Värdet ({value}) får inte vara större än {maxLabel} ({max}).");
        return this;
    }

    public Validator Within(string field, DateOnly? date, DateOnly from, DateOnly to, string periodLabel)
    {
        if (date is { } d && (d < from || d > to))
            Add(field, $"Datumet {d:yyyy-MM-dd} ligger utanför {periodLabel} ({from:yyyy-MM-dd} – {to:yyyy-MM-dd}).");
        return this;
    }

    public Validator Ordered(string field, DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && t < f) Add(field, $"Slutdatum {t:yyyy-MM-dd} ligger före startdatum {f:yyyy-MM-dd}.");
        return this;
    }

    public Validator Kommunkod(string field, string? value, bool required = true)
    {
        if (value is null) return required ? Add(field, "Kommunkod måste anges.") : this;
        if (!Model.Kommunkod.IsValid(value))
            Add(field, $"'{Truncate(value)}' är ingen giltig kommunkod: den finns inte i SCB:s lista över Sveriges kommuner (t.ex. 2180 för Gävle).");
        return this;
    }

    public Validator OrganisationNumber(string field, string? value)
    {
        if (value is not null && !Validation.OrganisationNumber.IsValid(value))
            Add(field, $"'{Truncate(value)}' är inget giltigt organisationsnummer (NNNNNN-NNNN med korrekt kontrollsiffra).");
        return this;
    }

    public Validator Enum<T>(string field, T value) where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value)) Add(field, $"Okänt värde '{value}'.");
        return this;
    }

    public Validator Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    /// <summary>Adds the errors of a nested validation, with the fields prefixed.</summary>
    public Validator Merge(string prefix, IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors) _errors.Add(e with { Field = $"{prefix}.{e.Field}" });
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new ValidationException(_errors.ToArray());
    }

    // A rejected value may itself be a personal identity number: never echo more than a stub of it.
    private static string Truncate(string v) => PersonalIdentityNumber.ContainsAny(v) ? "(dolt)" : v.Length > 20 ? v[..20] + "…" : v;
}
