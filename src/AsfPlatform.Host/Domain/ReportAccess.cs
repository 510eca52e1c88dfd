using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Reporting;

namespace AsfPlatform.Host.Domain;

/// <summary>
/// Which reports a user may make, for the report page and the API alike: the association and the board make every
/// report of the owners they may see; a partner office only the reports about one municipality (those that require
/// a municipality, i.e. the kommunrapport), and only for its own municipality.
/// </summary>
public static class ReportAccess
{
    /// <summary>Whether the user may make the report at all (for some arguments).</summary>
    public static bool MayUse(ClaimsPrincipal user, ReportDescriptor? report) => user.GetRole() switch
    {
        AccessRole.Förbundsadmin or AccessRole.Styrelse => true,
        AccessRole.Partnerkontor => report is not null && IsAboutOneMunicipality(report)
                                    && user.GetOrganisation() is { Kind: OrganisationKind.Kommun },
        _ => false,
    };

    /// <summary>Throws <see cref="ScopeForbiddenException"/> when the user may not make this report with these arguments.</summary>
    public static void Check(ClaimsPrincipal user, ReportDescriptor? report, ReportArguments arguments)
    {
        if (arguments.Owner is { } owner && !user.CanAccessOwner(owner))
            throw new ScopeForbiddenException($"Ditt konto får inte ta fram rapporter för ägaren {owner}.");
        if (!MayUse(user, report))
            throw new ScopeForbiddenException(user.GetRole() == AccessRole.Partnerkontor
                ? "Ett partnerkontor får bara ta fram kommunrapporten för sin egen kommun."
                : "Din roll får inte ta fram rapporter.");
        if (user.GetRole() == AccessRole.Partnerkontor && arguments.Municipality is { } kommunkod
            && user.GetOrganisation()?.IsMunicipality(kommunkod) != true)
            throw new ScopeForbiddenException($"Ett partnerkontor får bara ta fram kommunrapporten för sin egen kommun, inte för {kommunkod}.");
    }

    private static bool IsAboutOneMunicipality(ReportDescriptor report) =>
        report.Parameters.Any(p => p.Kind == ReportParameterKind.Municipality && p.Required);
}
