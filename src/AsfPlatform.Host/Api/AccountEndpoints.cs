using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Access.Authentication;
using AsfPlatform.Host.Domain;
using AsfPlatform.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>The signed-in user (<c>GET /api/me</c>).</summary>
public sealed record CurrentUserDto(string UserName, string DisplayName, string Role, string? Organisation, string? Owner = null,
    bool MustChangePassword = false);

/// <summary>An account as the API shows it.</summary>
public sealed record UserDto(string UserName, string DisplayName, string Role, string? Organisation, bool Disabled, DateTimeOffset CreatedAt,
    string? Owner = null, bool MustChangePassword = false)
{
    internal static UserDto From(UserAccount a) =>
        new(a.UserName, a.DisplayName, a.Role.ToString(), a.Organisation?.ToKey(), a.Disabled, a.CreatedAt, a.Owner, a.MustChangePassword);
}

/// <summary>Body of <c>POST /api/users</c>.</summary>
/// <remarks><c>Owner</c> binds the account to one owner (an admin bound to an owner creates only there);
/// <c>MustChangePassword</c> makes the password temporary.</remarks>
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Role, string? Organisation, string? Password,
    string? Owner = null, bool? MustChangePassword = null);

/// <summary>Body of <c>POST /api/tokens</c>.</summary>
public sealed record IssueTokenRequest(string? Name);

/// <summary>A token just issued: the secret appears here once.</summary>
public sealed record IssuedTokenDto(string TokenId, string Name, string Token, DateTimeOffset CreatedAt);

/// <summary>Accounts, personal API tokens and the audit log over HTTP.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Konton");

        // The ETag is the account's version, for If-Match on POST /api/account/password.
        api.MapGet("/me", async (ClaimsPrincipal user, IUserAccountService accounts, HttpContext http, CancellationToken ct) =>
                await accounts.FindAsync(user.Identity!.Name!, ct) is { } account
                    ? Versioning.WithETag(http, new CurrentUserDto(account.UserName, account.DisplayName, account.Role.ToString(),
                        account.Organisation?.ToKey(), account.Owner, account.MustChangePassword), ResourcePaths.Account(account.UserName), account.Version)
                    : ApiProblems.NotFound("Kontot finns inte längre."))
            .WithSummary("Det inloggade kontot (med ETag för byte av lösenord)")
            .ReadsVersioned<CurrentUserDto>()
            .AlsoAnswers(StatusCodes.Status404NotFound)
            .RequireAuthorization(AccessPolicies.Read);

        api.MapGet("/users", async (ClaimsPrincipal user, AccountAdministration admin, CancellationToken ct) =>
                TypedResults.Ok((await admin.ListAsync(user, ct)).Select(UserDto.From).ToList()))
            .WithSummary("Kontona som förbundsadmin förvaltar")
            .RequireAuthorization(AccessPolicies.Admin);

        api.MapPost("/users", CreateUserAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Skapar ett konto")
            .WithDescription("Owner binder kontot till en organisation; mustChangePassword gör lösenordet tillfälligt.")
            .AlsoAnswers(StatusCodes.Status409Conflict);

        api.MapGet("/tokens", async (ClaimsPrincipal user, IApiTokenService tokens, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListAsync(user.Identity!.Name!, ct)))
            .WithSummary("Dina API-nycklar (utan hemligheterna)")
            .RequireAuthorization(AccessPolicies.Read);

        api.MapPost("/tokens", IssueTokenAsync).RequireAuthorization(AccessPolicies.Read)
            .WithSummary("Skapar en personlig API-nyckel; hemligheten visas bara i det här svaret");

        api.MapDelete("/tokens/{tokenId}", async Task<Results<NoContent, ProblemHttpResult>> (string tokenId,
                ClaimsPrincipal user, IApiTokenService tokens, CancellationToken ct) =>
                await tokens.RevokeAsync(user.Identity!.Name!, tokenId, user.Identity!.Name!, ct)
                    ? TypedResults.NoContent()
                    : ApiProblems.NotFound("Det finns ingen giltig nyckel med det id:t bland dina nycklar."))
            .WithSummary("Återkallar en av dina API-nycklar")
            .RequireAuthorization(AccessPolicies.Read);

        // A catch-all: domain ids are paths ("finsam-gavleborg/asf-2016-2020"), written with their slashes.
        api.MapGet("/audit/{entityType}/{**entityId}", async Task<IResult> (string entityType, string entityId, IAuditLog audit,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                // Who signed in when and which keys exist is the administrator's business, not every reader's.
                if (entityType is AccessAuditTypes.Account or AccessAuditTypes.Token && user.GetRole() != AccessRole.Förbundsadmin)
                    return TypedResults.Problem("Ändringsloggen för konton och API-nycklar visas bara för förbundsadmin.",
                        statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
                return OwnerScope.OwnerOfAuditEntity(entityType, entityId) is { } owner && !user.CanAccessOwner(owner)
                    ? OwnerScope.Forbidden(owner)
                    : TypedResults.Ok(await audit.ReadAsync(entityType, entityId, ct));
            })
            .WithSummary("Ändringsloggen för en post: vem ändrade vad, när och varför (äldst först).")
            .WithTags("Ändringslogg")
            .RequireAuthorization(AccessPolicies.Read);

        endpoints.MapUserEndpoints();
        return endpoints;
    }

    private static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct)
    {
        if (!AccessRoles.TryParse(request.Role, out var role))
            return ApiProblems.Validation("role", "Ange en roll: Förbundsadmin, Partnerkontor, Styrelse eller Läsare.");
        OrganisationRef? organisation = null;
        if (role == AccessRole.Partnerkontor && !OrganisationRef.TryParse(request.Organisation, out organisation, out var error))
            return ApiProblems.Validation("organisation", error!);
        if (AccountInput.UnknownMunicipality(organisation) is ValidationProblem unknown)
            return unknown;
        if (AccountInput.InvalidName("displayName", request.DisplayName, 100) is ValidationProblem invalidName)
            return invalidName;
        try
        {
            var created = await accounts.CreateAsync(user, new NewUserAccount(request.UserName ?? "", request.DisplayName ?? "",
                role, organisation, request.Password ?? "", request.Owner, request.MustChangePassword ?? false), ct);
            return TypedResults.Created($"/api/users/{Uri.EscapeDataString(created.UserName)}", UserDto.From(created));
        }
        catch (AccessValidationException exception)
        {
            return ApiProblems.Validation(exception);
        }
        catch (AccessConflictException exception)
        {
            return ApiProblems.Conflict(exception.Message);
        }
        catch (ScopeForbiddenException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
        }
    }

    private static async Task<Results<Ok<IssuedTokenDto>, ValidationProblem>> IssueTokenAsync(IssueTokenRequest request,
        ClaimsPrincipal user, IApiTokenService tokens, HttpResponse response, CancellationToken ct)
    {
        if (AccountInput.InvalidName("name", request.Name, 80) is ValidationProblem invalid)
            return invalid;
        try
        {
            var issued = await tokens.IssueAsync(user.Identity!.Name!, request.Name ?? "", user.Identity!.Name!, ct);
            response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new IssuedTokenDto(issued.Token.TokenId, issued.Token.Name, issued.Secret, issued.Token.CreatedAt));
        }
        catch (AccessValidationException exception)
        {
            return ApiProblems.Validation(exception);
        }
    }
}
