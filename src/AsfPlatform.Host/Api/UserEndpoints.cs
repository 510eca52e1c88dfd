using System.Security.Claims;
using AsfPlatform.Access;
using AsfPlatform.Host.Domain;

using AsfPlatform.Host.Api.OpenApi;

namespace AsfPlatform.Host.Api;

/// <summary>Body of <c>PATCH /api/users/{userName}</c>: null members stay as they are.</summary>
public sealed record UpdateUserRequest(string? DisplayName, string? Role, string? Organisation, bool? Disabled);

/// <summary>Body of <c>POST /api/users/{userName}/password</c>: the temporary password the user must replace.</summary>
public sealed record ResetPasswordRequest(string? Password);

/// <summary>Body of <c>POST /api/account/password</c>.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Changing accounts over HTTP: an admin reads, changes, disables/enables and resets the password of the accounts it
/// administers (<see cref="AccountAdministration"/>), and every signed-in user changes their own password. Each write
/// takes If-Match with the account's ETag (428 without, 412 when stale) and is audited by the Access module.
/// </summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/users/{userName}").WithTags("Konton")
            .RequireAuthorization(Access.Authentication.AccessPolicies.Admin);

        users.MapGet("/", (string userName, ClaimsPrincipal user, AccountAdministration admin, HttpContext http,
                CancellationToken ct) => AnswerAsync(http, () => admin.FindAsync(user, userName, ct)))
            .WithSummary("Läser ett konto (med ETag för ändringar).")
            .ReadsVersioned<UserDto>();

        users.MapPatch("/", (string userName, UpdateUserRequest request, ClaimsPrincipal user, AccountAdministration admin,
                HttpContext http, CancellationToken ct) =>
            {
                if (!Versioning.TryGetExpectedVersion(http.Request, ResourcePaths.Account(userName), out var expected, out var problem))
                    return Task.FromResult(problem!);
                AccessRole? role = null;
                if (request.Role is not null)
                {
                    if (!AccessRoles.TryParse(request.Role, out var parsed))
                        return Task.FromResult<IResult>(ApiProblems.Validation("role", "Ange en roll: Förbundsadmin, Partnerkontor, Styrelse eller Läsare."));
                    role = parsed;
                }
                OrganisationRef? organisation = null;
                if (!string.IsNullOrWhiteSpace(request.Organisation) && !OrganisationRef.TryParse(request.Organisation, out organisation, out var error))
                    return Task.FromResult<IResult>(ApiProblems.Validation("organisation", error!));
                if (AccountInput.UnknownMunicipality(organisation) is { } unknown)
                    return Task.FromResult(unknown);
                if (request.DisplayName is not null && AccountInput.InvalidName("displayName", request.DisplayName, 100) is { } invalidName)
                    return Task.FromResult(invalidName);
                var change = new UserAccountChange(request.DisplayName, role, organisation, request.Disabled, expected);
                return AnswerAsync(http, () => admin.UpdateAsync(user, userName, change, ct));
            })
            .WithSummary("Ändrar namn, roll, organisation eller status (avstängd/aktiv) för ett konto.")
            .Changes<UserDto>("kontots")
            .AlsoAnswers(StatusCodes.Status409Conflict);

        users.MapPost("/password", (string userName, ResetPasswordRequest request, ClaimsPrincipal user,
                AccountAdministration admin, HttpContext http, CancellationToken ct) =>
                Versioning.TryGetExpectedVersion(http.Request, ResourcePaths.Account(userName), out var expected, out var problem)
                    ? AnswerAsync(http, () => admin.ResetPasswordAsync(user, userName, request.Password ?? "", expected, ct))
                    : Task.FromResult(problem!))
            .WithSummary("Återställer lösenordet till ett tillfälligt som användaren måste byta vid nästa inloggning.")
            .Changes<UserDto>("kontots");

        endpoints.MapPost("/api/account/password", (ChangePasswordRequest request, ClaimsPrincipal user,
                IUserAccountService accounts, HttpContext http, CancellationToken ct) =>
                Versioning.TryGetExpectedVersion(http.Request, ResourcePaths.Account(user.Identity!.Name!), out var expected, out var problem)
                    ? AnswerAsync(http, async () => (UserAccount?)await accounts.ChangeOwnPasswordAsync(user.Identity!.Name!,
                        request.CurrentPassword ?? "", request.NewPassword ?? "", expected, ct))
                    : Task.FromResult(problem!))
            .WithTags("Konton")
            .WithSummary("Byter det egna lösenordet (nuvarande lösenord krävs; If-Match med ETag från GET /api/me).")
            .Changes<UserDto>("det egna kontots")
            .RequireAuthorization(Access.Authentication.AccessPolicies.Read);

        return endpoints;
    }

    /// <summary>Runs an account read or change and answers with the account and its ETag, or the Swedish problem.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, Func<Task<UserAccount?>> action)
    {
        try
        {
            var account = await action();
            return account is null
                ? ApiProblems.NotFound("Det finns inget konto med det användarnamnet.")
                : Versioning.WithETag(http, UserDto.From(account), ResourcePaths.Account(account.UserName), account.Version);
        }
        catch (AccessValidationException exception)
        {
            return ApiProblems.Validation(exception);
        }
        catch (AccessConflictException exception)
        {
            return ApiProblems.Conflict(exception.Message);
        }
        catch (AccessConcurrencyException exception)
        {
            if (Versioning.CheckedResource(http) is { } resource)
                http.Response.Headers.ETag = Versioning.ETag(resource, exception.CurrentVersion);
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status412PreconditionFailed,
                title: "Någon annan hann före");
        }
        catch (ScopeForbiddenException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Ingen behörighet");
        }
    }
}
