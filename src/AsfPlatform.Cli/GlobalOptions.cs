using System.CommandLine;
using AsfPlatform.Composition;
using AsfPlatform.Reporting;

namespace AsfPlatform.Cli;

/// <summary>Options every command accepts: which database, and the drop-in folder for report plugins.</summary>
public sealed class GlobalOptions
{
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
        Description = $"Mapp med tilläggsrapporter (*.dll). Standard: inställningen {AsfPluginFolder.ConfigurationKey}, annars {AsfPluginFolder.DefaultFolderName} i repots rot om den finns.",
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
        var options = new ReportingOptions
        {
            ApplicationDirectory = AppContext.BaseDirectory,
            PluginDirectory = AsfPluginFolder.Resolve(environment.Configuration, environment.WorkingDirectory, parse.GetValue(Plugins)),
        };
        environment.ConfigureReporting?.Invoke(options);
        return options;
    }
}
