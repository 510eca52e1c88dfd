using AsfPlatform.Composition;
using Microsoft.Extensions.Configuration;

namespace AsfPlatform.Host.Tests;

/// <summary>The shared composition's storage resolution: host and CLI must open the same file wherever they start.</summary>
public sealed class CompositionTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("asf-composition-");

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Inside_a_checkout_the_default_file_is_under_the_repository_root_whatever_the_working_directory()
    {
        File.WriteAllText(Path.Combine(_root.FullName, AsfDataDirectory.SolutionFile), "");
        var hostProject = Directory.CreateDirectory(Path.Combine(_root.FullName, "src", "AsfPlatform.Host")).FullName;

        var fromRoot = AsfStorage.Resolve(Settings(), _root.FullName);
        var fromHostProject = AsfStorage.Resolve(Settings(), hostProject);

        Assert.Equal(Path.Combine(_root.FullName, ".asf", "asf.db"), fromRoot.SqliteFile);
        Assert.Equal(fromRoot, fromHostProject);
    }

    [Fact]
    public void ASF_DATA_DIR_wins_over_the_checkout()
    {
        File.WriteAllText(Path.Combine(_root.FullName, AsfDataDirectory.SolutionFile), "");
        var data = Path.Combine(_root.FullName, "data-here");

        var storage = AsfStorage.Resolve(Settings(("ASF_DATA_DIR", data)), _root.FullName);

        Assert.Equal(Path.Combine(data, "asf.db"), storage.SqliteFile);
    }

    [Fact]
    public void Outside_a_checkout_the_default_is_the_users_local_application_data()
    {
        if (AsfDataDirectory.FindRepositoryRoot(_root.FullName) is not null || Environment.GetEnvironmentVariable("ASF_DATA_DIR") is not null)
            return; // the temp folder lies inside a checkout or the variable is set: nothing to check here

        var storage = AsfStorage.Resolve(Settings(), _root.FullName);

        var expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify), "asf", "asf.db");
        Assert.Equal(expected, storage.SqliteFile);
    }

    [Theory]
    [InlineData("Oracle", null, "Storage:Provider")]
    [InlineData("PostgreSql", null, "Storage:ConnectionString")]
    [InlineData("PostgreSql", "Database=asf", "Storage:ConnectionString")]
    public void A_wrong_storage_setting_is_refused_naming_the_key(string provider, string? connectionString, string key)
    {
        var settings = connectionString is null
            ? Settings(("Storage:Provider", provider))
            : Settings(("Storage:Provider", provider), ("Storage:ConnectionString", connectionString));

        var error = Assert.Throws<StorageConfigurationException>(() => AsfStorage.Resolve(settings, _root.FullName));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void A_relative_SQLite_path_is_taken_from_the_working_directory_and_its_folder_is_created()
    {
        var storage = AsfStorage.Resolve(Settings(("Storage:ConnectionString", "Data Source=sub/x.db")), _root.FullName).EnsureFolder();

        Assert.Equal(Path.Combine(_root.FullName, "sub", "x.db"), storage.SqliteFile);
        Assert.True(Directory.Exists(Path.Combine(_root.FullName, "sub")));
        Assert.DoesNotContain("Password", new AsfStorage(true, "Host=h;Password=hemligt").Describe(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Host_and_cli_find_the_same_drop_in_folder_at_the_repository_root_and_only_when_it_exists()
    {
        File.WriteAllText(Path.Combine(_root.FullName, AsfDataDirectory.SolutionFile), "");
        var hostProject = Directory.CreateDirectory(Path.Combine(_root.FullName, "src", "AsfPlatform.Host")).FullName;
        Assert.Null(AsfPluginFolder.Resolve(Settings(), _root.FullName));

        var dropIn = Directory.CreateDirectory(Path.Combine(_root.FullName, AsfPluginFolder.DefaultFolderName)).FullName;

        Assert.Equal(dropIn, AsfPluginFolder.Resolve(Settings(), hostProject));   // the host starts in its project folder
        Assert.Equal(dropIn, AsfPluginFolder.Resolve(Settings(), _root.FullName)); // asf from the repository root
    }

    [Fact]
    public void A_configured_or_explicit_drop_in_folder_wins_and_is_taken_from_the_start_directory()
    {
        var configured = Settings((AsfPluginFolder.ConfigurationKey, "egna-rapporter"));

        Assert.Equal(Path.Combine(_root.FullName, "egna-rapporter"), AsfPluginFolder.Resolve(configured, _root.FullName));
        Assert.Equal(Path.Combine(_root.FullName, "annan"), AsfPluginFolder.Resolve(configured, _root.FullName, "annan"));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
