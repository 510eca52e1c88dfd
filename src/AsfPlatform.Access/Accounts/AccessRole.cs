namespace AsfPlatform.Access;

/// <summary>The four roles of the platform. The names are the Swedish words users see.</summary>
public enum AccessRole
{
    /// <summary>Association admin: manages users, plans and everything else.</summary>
    Förbundsadmin,

    /// <summary>Partner office bound to one organisation; edits only that organisation's data.</summary>
    Partnerkontor,

    /// <summary>Board: reads everything and generates reports.</summary>
    Styrelse,

    /// <summary>Reader: reads everything, changes nothing.</summary>
    Läsare,
}

/// <summary>Parsing and Swedish descriptions of <see cref="AccessRole"/>.</summary>
public static class AccessRoles
{
    /// <summary>All roles in display order.</summary>
    public static IReadOnlyList<AccessRole> All { get; } = Enum.GetValues<AccessRole>();

    /// <summary>Parses a role name exactly as written (e.g. "Förbundsadmin"); case-insensitive.</summary>
    public static bool TryParse(string? value, out AccessRole role) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);

    /// <summary>A short Swedish description for forms and lists.</summary>
    public static string Describe(this AccessRole role) => role switch
    {
        AccessRole.Förbundsadmin => "Förbundsadmin – hanterar användare, planer och all data",
        AccessRole.Partnerkontor => "Partnerkontor – registrerar uppgifter för sin egen organisation",
        AccessRole.Styrelse => "Styrelse – läser allt och tar fram rapporter",
        AccessRole.Läsare => "Läsare – läser allt",
        _ => role.ToString(),
    };
}
