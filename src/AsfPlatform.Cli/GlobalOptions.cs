using System.CommandLine;
using AsfPlatform.Composition;
using AsfPlatform.Reporting;

namespace AsfPlatform.Cli;

/// <summary>Options every command accepts: which database, and the drop-in folder for report plugins.</summary>
public sealed class GlobalOptions
{
    /// <summary>Configuration key of the drop-in folder (the same key the web host reads).</summary>
    public const string PluginFolderKey = "Reporting:PluginDirectory";

    /// <summary>The drop-in folder used when nothing is configured, relative to the working directory.</summary>
    public const string DefaultPluginFolder = "plugins-dropin";

    public Option<string?> Database { get; } = new("--database")
    {
        Description = "SQLite-databasen att arbeta mot (fil eller anslutningssträng). Standard: samma som webbplatsen, " +
            "dvs. miljövariablerna Storage__Provider, Storage__ConnectionString och ASF_DATA_DIR, annars .asf/asf.db i repots rot.",
        HelpName = "FIL",
        Recursive = true,
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "Arbeta mot PostgreSQL i stället för SQLite, t.ex. \"Host=localhost;Database=asf;Username=asf;Password=…\".",
        HelpName = "ANSLUTNING",
        Recursive = true,
    };

    public Option<string?> Plugins { get; } = new("--plugins")
    {
        Description = $"Mapp med tilläggsrapporter (*.dll). Standard: inställningen {PluginFolderKey}, annars ./{DefaultPluginFolder} om den finns.",
        HelpName = "MAPP",
        Recursive = true,
    };

    internal void AddTo(Command root)
    {
        root.Options.Add(Database);
        root.Options.Add(Postgres);
        root.Options.Add(Plugins);
    }

    /// <summary>
    /// The database of this run: <c>--postgres</c>, else <c>--database</c>, else the configuration the web host reads
    /// (<see cref="AsfStorage.Resolve"/>), so both open the same database by default.
    /// </summary>
    public AsfStorage Storage(ParseResult parse, CliEnvironment environment)
    {
        var database = parse.GetValue(Database);
        var postgres = parse.GetValue(Postgres);
        if (database is not null && postgres is not null)
            throw CliException.Option("--database/--postgres", "ange bara ett av dem (SQLite-fil eller PostgreSQL-anslutning).");
        try
        {
            if (postgres is not null)
                return new AsfStorage(true, AsfStorage.CheckPostgres(postgres, "--postgres"));
            if (database is not null)
                return new AsfStorage(false, AsfStorage.SqliteConnection(database, environment.WorkingDirectory, "--database"));
            return AsfStorage.Resolve(environment.Configuration, environment.WorkingDirectory);
        }
        catch (StorageConfigurationException ex)
        {
            throw new CliException(ex.Message, ExitCodes.InvalidInput, ex);
        }
    }

    /// <summary>
    /// Where reports come from: the built-in <c>AsfPlatform.Plugins.*.dll</c> beside asf, plus the drop-in folder.
    /// A folder named explicitly must exist (the catalog reports it otherwise); the default is used only when present.
    /// </summary>
    public ReportingOptions Reporting(ParseResult parse, CliEnvironment environment)
    {
        var options = new ReportingOptions { ApplicationDirectory = AppContext.BaseDirectory };
        var explicitFolder = parse.GetValue(Plugins) ?? environment.Configuration[PluginFolderKey];
        if (!string.IsNullOrWhiteSpace(explicitFolder))
        {
            options.PluginDirectory = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, explicitFolder));
        }
        else
        {
            var folder = Path.Combine(environment.WorkingDirectory, DefaultPluginFolder);
            if (Directory.Exists(folder))
                options.PluginDirectory = folder;
        }
        environment.ConfigureReporting?.Invoke(options);
        return options;
    }
}
