using System.Text.RegularExpressions;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Access;

/// <summary>Validation of account input; every failure names the field and gives a Swedish reason.</summary>
internal static partial class AccountRules
{
    public const int MinimumPasswordLength = 10;

    public static string NormalizeUserName(string? userName)
    {
        var value = userName?.Trim().ToLowerInvariant() ?? "";
        if (value.Length is < 3 or > 64 || !UserNamePattern().IsMatch(value))
            throw new AccessValidationException("userName",
                "Användarnamnet måste ha 3–64 tecken och får bara innehålla a–z, 0–9, punkt, bindestreck, understreck och @.");
        CheckNoPersonalNumber("userName", value);
        return value;
    }

    public static string NormalizeDisplayName(string? displayName)
    {
        var value = displayName?.Trim() ?? "";
        if (value.Length is < 1 or > 100)
            throw new AccessValidationException("displayName", "Namnet måste ha 1–100 tecken.");
        if (value.Any(char.IsControl))
            throw new AccessValidationException("displayName", "Namnet får inte innehålla styrtecken.");
        CheckFreeText("displayName", value);
        return value;
    }

    public static void CheckPassword(string? password, string field = "password")
    {
        if (password is null || password.Length < MinimumPasswordLength)
            throw new AccessValidationException(field,
                $"Lösenordet måste ha minst {MinimumPasswordLength} tecken.");
        if (password.Length > 256)
            throw new AccessValidationException(field, "Lösenordet får ha högst 256 tecken.");
        if (string.IsNullOrWhiteSpace(password))
            throw new AccessValidationException(field, "Lösenordet får inte bara bestå av blanksteg.");
    }

    /// <summary>An owner id as the domain writes them ("finsam-gavleborg"); null or blank means installation-wide.</summary>
    public static string? NormalizeOwner(string? owner)
    {
        var value = owner?.Trim().ToLowerInvariant() ?? "";
        if (value.Length == 0)
            return null;
        if (value.Length > 64 || !OwnerPattern().IsMatch(value))
            throw new AccessValidationException("owner",
                "Ägaren anges med sitt id (1–64 tecken: a–z, 0–9 och bindestreck), t.ex. finsam-gavleborg.");
        return value;
    }

    /// <summary>Partner offices need an organisation; other roles must not have one (they see everything).</summary>
    public static OrganisationRef? CheckOrganisation(AccessRole role, OrganisationRef? organisation)
    {
        if (role == AccessRole.Partnerkontor)
        {
            if (organisation is null)
                throw new AccessValidationException("organisation",
                    "Ett partnerkontor måste höra till en organisation (kommunkod, AF, FK, Region eller Förbund).");
            if (!OrganisationRef.TryParse(organisation.ToKey(), out var parsed, out var error))
                throw new AccessValidationException("organisation", error!);
            return parsed;
        }
        return null;
    }

    /// <summary>Free text of an account or token: the platform's text rules and no personnummer.</summary>
    public static void CheckFreeText(string field, string value)
    {
        if (TextRules.FindForbidden(value) is { } forbidden)
            throw new AccessValidationException(field, forbidden);
        CheckNoPersonalNumber(field, value);
    }

    private static void CheckNoPersonalNumber(string field, string value)
    {
        if (PersonalIdentityNumber.ContainsAny(value))
            throw new AccessValidationException(field,
                "Texten innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras.");
    }

    [GeneratedRegex("^[a-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex OwnerPattern();
}
