using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using AsfPlatform.Contracts;
using AsfPlatform.Grains;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace AsfPlatform.Composition.Orleans;

/// <summary>What one run of <see cref="LegacyGrainStateMigration"/> did.</summary>
/// <param name="Found">Whether the database had the old <c>grain_state</c> table (false: nothing to do).</param>
/// <param name="Rows">Rows of the old table.</param>
/// <param name="Written">Rows written into Orleans' storage by this run.</param>
/// <param name="AlreadyPresent">Rows whose grain already had a stored state (an interrupted earlier run wrote it).</param>
/// <param name="Cleared">Rows holding a cleared state (no payload), which have nothing to carry over.</param>
/// <param name="Verified">Rows read back from Orleans' storage and found equal to the old state.</param>
public sealed record LegacyMigrationResult(bool Found, int Rows, int Written, int AlreadyPresent, int Cleared, int Verified);

/// <summary>
/// Carries the grain state of a database written before the platform ran on Orleans (commit 8e716ee and before) into
/// Orleans' storage. Those versions kept every state in one table, <c>grain_state</c>, keyed by grain type and a key without
/// <see cref="GrainKeys.Prefix"/>; the Orleans grains have the same grain types, state names and state classes, so each
/// row is deserialized into its state class and written through the platform's <see cref="IGrainStorage"/> under the
/// prefixed key. Every row is then read back and compared, and only then is the old table renamed to
/// <see cref="KeptTable"/>: kept (nothing is deleted) but never applied twice.
/// </summary>
/// <remarks>
/// Safe to repeat and to run on two hosts at once: on PostgreSQL the run holds an advisory lock, so the second host
/// waits and then finds the table renamed; on SQLite (one host per file) and after an interrupted run, a grain that
/// already has a stored state is taken as migrated and only verified. A row that cannot be carried over (an unknown
/// grain type or state name, another service id, a payload that does not read, a difference when read back) stops the
/// run before the rename, so the silo does not start on a database that lost data.
/// </remarks>
public sealed class LegacyGrainStateMigration(AsfStorage storage, IGrainStorage target, ILogger logger)
{
    /// <summary>The table grain state was stored in before the move to Orleans (commit 8e716ee and before).</summary>
    public const string LegacyTable = "grain_state";

    /// <summary>What the old table is renamed to once its rows are carried over.</summary>
    public const string KeptTable = "grain_state_before_orleans";

    // Any constant works; two hosts only need to agree on it. "asfmigr" in ASCII.
    private const long AdvisoryLockKey = 0x617366_6D696772;

    // The old runtime's serializer settings (its AdoNetGrainStorageOptions default): no naming policy, enums as the
    // domain's own converters say.
    private static readonly JsonSerializerOptions LegacyJson = new(JsonSerializerDefaults.General);

    private static readonly MethodInfo CarryMethod =
        typeof(LegacyGrainStateMigration).GetMethod(nameof(CarryAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo VerifyMethod =
        typeof(LegacyGrainStateMigration).GetMethod(nameof(VerifyAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Carries the old table over, if there is one; throws (before the rename) when a row cannot be.</summary>
    public async Task<LegacyMigrationResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (storage.IsPostgres)
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            if (!await TableExistsAsync(connection, LegacyTable, cancellationToken))
                return new LegacyMigrationResult(false, 0, 0, 0, 0, 0);
            var result = await CarryOverAsync(connection, cancellationToken);
            logger.LogInformation(
                "Carried the pre-Orleans table {LegacyTable} over into Orleans' storage: {Rows} rows, {Written} written, " +
                "{AlreadyPresent} already there, {Cleared} cleared (nothing to carry), {Verified} read back equal; " +
                "the old table is kept as {KeptTable}",
                LegacyTable, result.Rows, result.Written, result.AlreadyPresent, result.Cleared, result.Verified, KeptTable);
            return result;
        }
        finally
        {
            if (storage.IsPostgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task<LegacyMigrationResult> CarryOverAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync(connection, cancellationToken);
        var stateTypes = StateTypes();
        var problems = new List<string>();
        var carried = new List<(LegacyRow Row, Type StateType, object State)>();
        var cleared = 0;
        foreach (var row in rows)
        {
            if (row.ServiceId != AsfCluster.ServiceId)
                problems.Add($"{row}: service id '{row.ServiceId}' is not '{AsfCluster.ServiceId}'");
            else if (!stateTypes.TryGetValue((row.GrainType, row.StateName), out var stateType))
                problems.Add($"{row}: no grain of type '{row.GrainType}' has a state named '{row.StateName}'");
            else if (row.Payload is null)
                cleared++; // the old runtime's tombstone of a cleared state: the grain starts empty, as it did before
            else if (Deserialize(row, stateType, problems) is { } state)
                carried.Add((row, stateType, Adapt(state)));
        }
        Stop(problems, "cannot be carried over");

        var (written, alreadyPresent) = (0, 0);
        foreach (var (row, stateType, state) in carried)
        {
            var wrote = await (Task<bool>)CarryMethod.MakeGenericMethod(stateType).Invoke(this, [row, state])!;
            if (wrote) written++; else alreadyPresent++;
        }

        // Everything is written before anything is compared, so a row is read back from the database, not a cache.
        foreach (var (row, stateType, state) in carried)
        {
            if (await (Task<string?>)VerifyMethod.MakeGenericMethod(stateType).Invoke(this, [row, state])! is { } difference)
                problems.Add($"{row}: {difference}");
        }
        Stop(problems, "were not read back as they were");

        await RenameAsync(connection, cancellationToken);
        return new LegacyMigrationResult(true, rows.Count, written, alreadyPresent, cleared, carried.Count);
    }

    private async Task<bool> CarryAsync<T>(LegacyRow row, object state)
    {
        var grainId = GrainIdOf(row);
        var stored = new GrainState<T>();
        await target.ReadStateAsync(row.StateName, grainId, stored);
        if (stored.RecordExists) return false;
        try
        {
            await target.WriteStateAsync(row.StateName, grainId, new GrainState<T>((T)state));
            return true;
        }
        catch (InconsistentStateException)
        {
            // Another host (SQLite has no lock between processes) wrote it between the read and the write.
            return false;
        }
    }

    private async Task<string?> VerifyAsync<T>(LegacyRow row, object expected)
    {
        var stored = new GrainState<T>();
        await target.ReadStateAsync(row.StateName, GrainIdOf(row), stored);
        if (!stored.RecordExists) return "not found in Orleans' storage after writing it";
        var (want, got) = (JsonSerializer.Serialize(expected, typeof(T), LegacyJson), JsonSerializer.Serialize(stored.State, LegacyJson));
        return want == got ? null : $"stored state differs from the old one (old: {Excerpt(want)}; stored: {Excerpt(got)})";
    }

    /// <summary>The grain the row belongs to now: same grain type, the key with the prefix every key now has.</summary>
    public static GrainId GrainIdOf(string grainType, string legacyKey) => GrainId.Create(grainType, GrainKeys.Prefix + legacyKey);

    private static GrainId GrainIdOf(LegacyRow row) => GrainIdOf(row.GrainType, row.GrainKey);

    /// <summary>
    /// Grain keys stored inside a state get the prefix too: the owner directory lists its plans by key and routes
    /// fact updates to the plans in <see cref="OwnerDirectoryState.Subscriptions"/> by key, and an old key would
    /// address an empty grain (and a plan re-enlisting under its new key would be listed twice).
    /// </summary>
    private static object Adapt(object state)
    {
        if (state is OwnerDirectoryState owner)
        {
            owner.Plans = owner.Plans.Select(k => GrainKeys.Prefix + k).ToList();
            owner.Subscriptions = owner.Subscriptions.ToDictionary(s => GrainKeys.Prefix + s.Key, s => s.Value);
        }
        return state;
    }

    private static object? Deserialize(LegacyRow row, Type stateType, List<string> problems)
    {
        try
        {
            var state = JsonSerializer.Deserialize(row.Payload!, stateType, LegacyJson);
            if (state is null) problems.Add($"{row}: the payload is null");
            return state;
        }
        catch (JsonException ex)
        {
            problems.Add($"{row}: the payload does not read as {stateType.Name} ({ex.Message})");
            return null;
        }
    }

    /// <summary>
    /// (grain type, state name) → state class, from the grain classes themselves (<see cref="GrainTypeAttribute"/>
    /// and the <see cref="PersistentStateAttribute"/> parameters of their constructors), so a new grain or state needs
    /// no entry here.
    /// </summary>
    public static IReadOnlyDictionary<(string GrainType, string StateName), Type> StateTypes()
    {
        var map = new Dictionary<(string, string), Type>();
        foreach (var grain in typeof(OwnerDirectoryGrain).Assembly.GetTypes())
        {
            if (grain.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(GrainTypeAttribute)) is not { } grainType)
                continue;
            var name = (string)grainType.ConstructorArguments[0].Value!;
            foreach (var parameter in grain.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } persistent
                    && parameter.ParameterType.IsGenericType
                    && parameter.ParameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>))
                    map[(name, persistent.StateName)] = parameter.ParameterType.GetGenericArguments()[0];
            }
        }
        return map;
    }

    private void Stop(List<string> problems, string what)
    {
        if (problems.Count == 0) return;
        var message = $"{problems.Count} row(s) of the pre-Orleans table {LegacyTable} {what}; the table is left as it is " +
            $"and the silo does not start. {string.Join(" | ", problems.Take(10))}";
        logger.LogError("{Message}", message);
        throw new InvalidOperationException(message);
    }

    private async Task RenameAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await TableExistsAsync(connection, KeptTable, cancellationToken))
            Stop([$"a table named {KeptTable} already exists; rename or drop one of the two"], "were carried over but not renamed");
        try
        {
            await ExecuteAsync(connection, $"ALTER TABLE {LegacyTable} RENAME TO {KeptTable}", cancellationToken);
        }
        catch (DbException)
        {
            // Another process on the same SQLite file carried the same rows over and renamed it first: fine.
            if (await TableExistsAsync(connection, LegacyTable, cancellationToken)) throw;
        }
    }

    private static async Task<List<LegacyRow>> ReadRowsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT service_id, grain_type, grain_key, state_name, payload FROM {LegacyTable} " +
            "ORDER BY service_id, grain_type, grain_key, state_name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LegacyRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new LegacyRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        return rows;
    }

    private async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = storage.IsPostgres
            ? $"SELECT to_regclass('{table}') IS NOT NULL"
            : $"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = storage.IsPostgres ? new NpgsqlConnection(storage.ConnectionString) : new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string Excerpt(string json) => json.Length <= 200 ? json : json[..200] + "…";

    private sealed record LegacyRow(string ServiceId, string GrainType, string GrainKey, string StateName, string? Payload)
    {
        public override string ToString() => $"{GrainType}/{GrainKey}/{StateName}";
    }
}
