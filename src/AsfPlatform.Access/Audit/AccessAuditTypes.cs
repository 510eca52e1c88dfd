namespace AsfPlatform.Access;

/// <summary>The audit log's entity types of the access module's own records.</summary>
public static class AccessAuditTypes
{
    /// <summary>User accounts.</summary>
    public const string Account = Accounts.SqlUserAccountService.AuditEntityType;

    /// <summary>API tokens.</summary>
    public const string Token = Tokens.SqlApiTokenService.AuditEntityType;
}
