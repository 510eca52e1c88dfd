using Microsoft.AspNetCore.Authorization;

namespace AsfPlatform.Access.Authentication;

/// <summary>Names of the authorization policies and what each role may do.</summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in role may read.</summary>
    public const string Read = "asf.read";

    /// <summary>Recording data (events, figures, milestones, placements): admins and partner offices. Whether a
    /// partner office may touch a given municipality is checked per resource with
    /// <see cref="AccessClaims.CanEditMunicipality"/>.</summary>
    public const string Record = "asf.record";

    /// <summary>Generating reports: admins and the board, and partner offices for the reports about their own
    /// municipality (which report and which municipality is checked per request by the host).</summary>
    public const string Reports = "asf.reports";

    /// <summary>Administering users, plans and insatser: admins only.</summary>
    public const string Admin = "asf.admin";

    /// <summary>Registers the policies on the authorization builder.</summary>
    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(Names(AccessRoles.All.ToArray())))
        .AddPolicy(Record, p => p.RequireAuthenticatedUser().RequireRole(Names(AccessRole.Förbundsadmin, AccessRole.Partnerkontor)))
        .AddPolicy(Reports, p => p.RequireAuthenticatedUser().RequireRole(Names(AccessRole.Förbundsadmin, AccessRole.Styrelse, AccessRole.Partnerkontor)))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Names(AccessRole.Förbundsadmin)));

    private static string[] Names(params AccessRole[] roles) => roles.Select(r => r.ToString()).ToArray();
}
