using AsfPlatform.Host.Domain;

namespace AsfPlatform.Host.Pages.Historik;

/// <summary>The entity types the audit log holds, as the writers name them (one place for the history pages).</summary>
public static class AuditEntityTypes
{
    public const string Company = DomainWriter.Company, Municipality = DomainWriter.Municipality, Insats = DomainWriter.Insats,
        Plan = DomainWriter.Plan, Owner = DomainWriter.OwnerEntity, Account = AsfPlatform.Access.AccessAuditTypes.Account,
        Token = AsfPlatform.Access.AccessAuditTypes.Token;
}
