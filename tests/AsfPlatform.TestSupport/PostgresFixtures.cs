using Xunit;

namespace AsfPlatform.TestSupport;

/// <summary>
/// Class fixture giving a test class its own fresh PostgreSQL database on the shared <see cref="PostgresServer"/>:
/// <c>public sealed class MyTests(PostgresDatabaseFixture db) : IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    /// <summary>The shared server.</summary>
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>Connection string of this fixture's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        ConnectionString = await Server.CreateDatabaseAsync("asf_test");
    }

    /// <inheritdoc />
    // The server outlives the class (other classes share it; it stops at process exit); only the database goes.
    public Task DisposeAsync() => Server is null ? Task.CompletedTask : Server.DropDatabaseAsync(ConnectionString);
}

/// <summary>
/// Collection fixture holding the shared <see cref="PostgresServer"/>. xunit only finds collection definitions in the
/// test assembly itself, so declare one there:
/// <c>[CollectionDefinition(PostgresServerFixture.Collection)] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresServerFixture&gt;;</c>
/// and put <c>[Collection(PostgresServerFixture.Collection)]</c> on the test classes.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    /// <summary>Suggested collection name.</summary>
    public const string Collection = "PostgreSQL";

    /// <summary>The shared server.</summary>
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>Creates a fresh database on the server and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string name) => Server.CreateDatabaseAsync(name);

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
