using AsfPlatform.Access;

namespace AsfPlatform.Host.Configuration;

/// <summary>The "Storage" configuration section: one database for grain state, accounts and the audit log.</summary>
public sealed class StorageSettings
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>"Sqlite" (default, a file under the data folder) or "PostgreSql".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>ADO.NET connection string; for SQLite it defaults to <c>asf.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Folder for the SQLite file. Defaults to the environment variable <c>ASF_DATA_DIR</c>, else <c>.asf</c> under
    /// the content root. Relative paths are taken relative to the content root.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether <see cref="Provider"/> is PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ADO.NET invariant ("Microsoft.Data.Sqlite" or "Npgsql").</summary>
    public string Invariant => IsPostgres ? AccessStorageOptions.PostgresInvariant : AccessStorageOptions.SqliteInvariant;

    /// <summary>
    /// Reads and completes the settings: validates the provider and fills in the default SQLite file. Fails with a
    /// message that says which setting is wrong, because a host on the wrong database must not start.
    /// </summary>
    public static StorageSettings Resolve(IConfiguration configuration, string contentRootPath)
    {
        var settings = configuration.GetSection(SectionName).Get<StorageSettings>() ?? new StorageSettings();
        var isSqlite = string.Equals(settings.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !settings.IsPostgres)
            throw new InvalidOperationException(
                $"Storage:Provider '{settings.Provider}' is not supported; use 'Sqlite' or 'PostgreSql'.");
        if (settings.IsPostgres && string.IsNullOrWhiteSpace(settings.ConnectionString))
            throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is PostgreSql.");

        var directory = FirstNonEmpty(settings.DataDirectory, configuration["ASF_DATA_DIR"]) ?? ".asf";
        settings.DataDirectory = Path.GetFullPath(Path.Combine(contentRootPath, directory));
        if (isSqlite)
        {
            settings.Provider = "Sqlite";
            if (string.IsNullOrWhiteSpace(settings.ConnectionString))
                settings.ConnectionString = $"Data Source={Path.Combine(settings.DataDirectory, "asf.db")}";
            // SQLite creates the file but not its folder (a fresh clone has no .asf/ yet).
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file, contentRootPath))!);
        }
        else
        {
            settings.Provider = "PostgreSql";
        }
        return settings;
    }

    /// <summary>A description for logs that never contains a password.</summary>
    public string Describe() => IsPostgres
        ? $"PostgreSql ({new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString})"
        : $"Sqlite ({new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource})";

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
