using AsfPlatform.Access;
using AsfPlatform.Domain.Validation;

namespace AsfPlatform.Host.Api;

/// <summary>
/// Checks of account and token requests the API makes before the Access module sees them, with the domain's rules:
/// a partner office's municipality must be one of SCB's, and a name of only invisible characters counts as empty.
/// </summary>
internal static class AccountInput
{
    /// <summary>The refusal of an organisation naming a kommunkod SCB does not have, or null.</summary>
    public static IResult? UnknownMunicipality(OrganisationRef? organisation) =>
        organisation is { Kind: OrganisationKind.Kommun } o && AsfPlatform.Domain.Model.Kommunkod.NameOf(o.Id) is null
            ? ApiProblems.Validation("organisation", $"Kommunkoden {o.Id} finns inte i SCB:s lista över Sveriges kommuner.")
            : null;

    /// <summary>The refusal of a required name (<paramref name="field"/>) that is empty or not allowed as text, or null.</summary>
    public static IResult? InvalidName(string field, string? value, int maxLength)
    {
        var errors = new Validator().Text(field, value, maxLength, required: true).Errors;
        return errors.Count == 0 ? null : ApiProblems.Validation(field, errors[0].Message);
    }
}
