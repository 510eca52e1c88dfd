using AsfPlatform.Access.Accounts;
using AsfPlatform.Access.Audit;
using AsfPlatform.Access.Data;
using AsfPlatform.Access.DataProtection;
using AsfPlatform.Access.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsfPlatform.Access;

/// <summary>Registration of the Access module.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IUserAccountService"/>, <see cref="IApiTokenService"/>, <see cref="IAuditLog"/> and
    /// <see cref="IAccessStorageHealth"/> over the given database (usually the grain storage's).
    /// </summary>
    public static IServiceCollection AddAsfAccess(this IServiceCollection services, Action<AccessStorageOptions>? configure = null)
    {
        var options = services.AddOptions<AccessStorageOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.AddSingleton<AccessDatabase>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenAuthenticationCache>();
        services.AddSingleton<IAccessStorageHealth>(sp => new AccessStorageHealth(sp.GetRequiredService<AccessDatabase>()));
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<IUserAccountService, SqlUserAccountService>();
        services.AddSingleton<IApiTokenService, SqlApiTokenService>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();
        services.AddSingleton<IAuditArchive, SqlAuditArchive>();
        services.AddSingleton<ISignInThrottle, SignIn.SqlSignInThrottle>();
        return services;
    }

    /// <summary>Application name of the platform's Data Protection keys (the same on every host).</summary>
    public const string DataProtectionApplicationName = "AsfPlatform";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the access database (not a per-user folder), so a cookie
    /// issued by one host of a cluster is valid on every other. Call after <see cref="AddAsfAccess"/>.
    /// </summary>
    public static IServiceCollection AddAsfDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<SqlXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<SqlXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}

/// <summary>Checks that the access database answers.</summary>
public interface IAccessStorageHealth
{
    /// <summary>True when a trivial query succeeds.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}

internal sealed class AccessStorageHealth(AccessDatabase database) : IAccessStorageHealth
{
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => database.PingAsync(cancellationToken);
}
