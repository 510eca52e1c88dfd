using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AsfPlatform.Persistence.AdoNet.Dialects;
using AsfPlatform.Persistence.AdoNet.Migrations;
using AsfPlatform.Runtime;
using AsfPlatform.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsfPlatform.Persistence.AdoNet;

/// <summary>
/// Grain storage in a relational database over ADO.NET: SQLite (embedded default) or PostgreSQL.
/// Rows are keyed by service id, grain type, grain key and state name, all stored verbatim. The version column is
/// the ETag and every write is one compare-and-swap statement. Writes from all grains go through one group-commit
/// writer, so concurrent writes share a transaction and its fsync. A clear keeps a tombstone row with a new
/// version, so versions only ever grow and a stale writer can never match a recycled version.
/// The schema is created or migrated by <see cref="InitializeAsync"/>, which runs at host start-up and, failing
/// that, before the first operation.
/// </summary>
public sealed class AdoNetGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly string _connectionString;
    private readonly AdoNetGrainStorageOptions _options;
    private readonly StorageDialect _dialect;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly GroupCommitWriter _writer;
    private volatile bool _initialized;
    private int _disposed;

    /// <summary>Creates a storage; nothing touches the database until <see cref="InitializeAsync"/> or the first operation.</summary>
    /// <param name="name">Name the storage is registered under; used in error messages.</param>
    /// <param name="options">Provider, connection string and serializer settings.</param>
    /// <param name="serviceId">Service id stored in every row, unless <see cref="AdoNetGrainStorageOptions.ServiceId"/> is set.</param>
    /// <param name="logger">Optional logger.</param>
    public AdoNetGrainStorage(string name, AdoNetGrainStorageOptions options, string serviceId = "asf", ILogger<AdoNetGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                $"AdoNetGrainStorageOptions.ConnectionString saknas för grain-lagringen '{name}'.", nameof(options));
        }

        _name = name;
        _options = options;
        _serviceId = options.ServiceId ?? serviceId;
        _dialect = StorageDialect.For(options.Invariant);
        _connectionString = _dialect.PrepareConnectionString(options.ConnectionString, options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _writer = new GroupCommitWriter(ct => OpenConnectionAsync(writer: true, ct), options.MaxWritesPerCommit, _logger);
    }

    /// <summary>The schema version the database is at, once initialized.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Transactions the group-commit writer has committed (for tests and benchmarks).</summary>
    internal long CommitCount => _writer.Commits;

    /// <summary>Creates or migrates the schema. Safe to call many times and from several hosts at once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await OpenConnectionAsync(writer: true, cancellationToken).ConfigureAwait(false);
            SchemaVersion = await SchemaMigrator.MigrateAsync(connection, _dialect, cancellationToken).ConfigureAwait(false);
            _initialized = true;
            _logger.LogInformation("Grain storage {Name} ({Invariant}) is at schema version {Version}", _name, _dialect.Invariant, SchemaVersion);
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(stateName, grainId);
        StoredRow? row;
        try
        {
            await InitializeAsync().ConfigureAwait(false);
            row = await ReadRowAsync(key).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw Failure("läsa", "ReadState", stateName, grainId, ex);
        }

        if (row is null)
        {
            grainState.State = DefaultState<T>.Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        // A tombstone keeps its version as the ETag, so the next write is a compare-and-swap rather than an insert.
        grainState.State = row.Payload is null ? DefaultState<T>.Create() : Deserialize<T>(row, stateName, grainId);
        grainState.ETag = FormatEtag(row.Version);
        grainState.RecordExists = row.Payload is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string payload;
        try
        {
            payload = JsonSerializer.Serialize(grainState.State, _options.JsonSerializerOptions);
        }
        catch (Exception ex)
        {
            throw Failure("serialisera", "WriteState", stateName, grainId, ex);
        }

        var version = await CompareAndSwapAsync(stateName, grainId, grainState.ETag, payload, "skriva", "WriteState", typeof(T)).ConfigureAwait(false);
        grainState.ETag = FormatEtag(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = await CompareAndSwapAsync(stateName, grainId, grainState.ETag, payload: null, "rensa", "ClearState", typeof(T)).ConfigureAwait(false);
        grainState.State = DefaultState<T>.Create();
        grainState.ETag = FormatEtag(version);
        grainState.RecordExists = false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The container may hold this instance under two keys (IGrainStorage and AdoNetGrainStorage) and dispose both.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        _initLock.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<long> CompareAndSwapAsync(string stateName, GrainId grainId, string? etag, string? payload, string verb, string operation, Type stateType)
    {
        long? expected = null;
        if (etag is not null)
        {
            // An ETag this storage never issued can't match any version.
            if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw Conflict(verb, stateName, grainId, storedVersion: null, etag);
            }

            expected = parsed;
        }

        var write = new PendingWrite(KeyOf(stateName, grainId), expected, _options.StateSchemaVersion(stateType), payload);
        WriteOutcome outcome;
        try
        {
            await InitializeAsync().ConfigureAwait(false);
            outcome = await _writer.WriteAsync(write).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw Failure(verb, operation, stateName, grainId, ex);
        }

        return outcome.Applied ? write.NewVersion : throw Conflict(verb, stateName, grainId, outcome.StoredVersion, etag);
    }

    private async Task<StoredRow?> ReadRowAsync(StateKey key)
    {
        // Reads use pooled connections of their own: in WAL mode they never wait for the writer.
        await using var connection = await OpenConnectionAsync(writer: false, default).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = StateRows.Select;
        StateRows.BindKey(command.Parameters, command.CreateParameter, key);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            return null;
        }

        return new StoredRow(
            Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private T Deserialize<T>(StoredRow row, string stateName, GrainId grainId)
    {
        var known = _options.StateSchemaVersion(typeof(T));
        if (row.StateSchemaVersion > known)
        {
            throw new GrainStorageException(
                $"Grain-lagringen '{_name}' kan inte läsa tillståndet '{stateName}' för grain {grainId}: det sparades med " +
                $"schemaversion {row.StateSchemaVersion} men den här versionen av programmet känner bara till {known}.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(row.Payload!, _options.JsonSerializerOptions) ?? DefaultState<T>.Create();
        }
        catch (Exception ex)
        {
            throw Failure("tolka", "ReadState", stateName, grainId, ex);
        }
    }

    private async Task<DbConnection> OpenConnectionAsync(bool writer, CancellationToken cancellationToken)
    {
        var connection = _dialect.Factory.CreateConnection()
            ?? throw new InvalidOperationException($"{_dialect.Invariant} kunde inte skapa en anslutning.");
        try
        {
            connection.ConnectionString = _connectionString;
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await _dialect.OnOpenedAsync(connection, writer, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private StateKey KeyOf(string stateName, GrainId grainId) => new(_serviceId, grainId.Type, grainId.Key, stateName);

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private GrainStorageException Failure(string verb, string operation, string stateName, GrainId grainId, Exception inner) =>
        inner as GrainStorageException ?? new GrainStorageException(
            $"Grain-lagringen '{_name}' kunde inte {verb} tillståndet '{stateName}' för grain {grainId} ({operation}): {inner.Message}",
            inner);

    private static InconsistentStateException Conflict(string verb, string stateName, GrainId grainId, long? storedVersion, string? etag)
    {
        var stored = storedVersion is { } v ? FormatEtag(v) : null;
        return new InconsistentStateException(
            $"Tillståndet '{stateName}' för grain {grainId} har ändrats av någon annan: kunde inte {verb} med ETag " +
            $"'{etag ?? "(ingen)"}' när den lagrade versionen är '{stored ?? "(ingen post)"}'. Läs om tillståndet och försök igen.",
            stored, etag);
    }

    private sealed record StoredRow(long Version, int StateSchemaVersion, string? Payload);
}
