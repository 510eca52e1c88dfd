namespace AsfPlatform.Domain.Validation;

/// <summary>The mod-10 checksum used by Swedish personal identity and organisation numbers.</summary>
public static class Luhn
{
    /// <summary>True when the digits (check digit last) pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (d is < 0 or > 9) return false;
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return digits.Length > 0 && sum % 10 == 0;
    }

    /// <summary>The check digit that makes <paramref name="digitsWithoutCheck"/> valid.</summary>
    public static int CheckDigit(string digitsWithoutCheck)
    {
        for (var c = 0; c <= 9; c++)
            if (IsValid(digitsWithoutCheck + c)) return c;
        throw new InvalidOperationException("unreachable");
    }
}
