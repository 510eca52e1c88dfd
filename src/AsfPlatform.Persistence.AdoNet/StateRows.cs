using System.Data;
using System.Data.Common;
using System.Globalization;

namespace AsfPlatform.Persistence.AdoNet;

/// <summary>
/// The row statements. One compare-and-swap statement per write: an insert that does nothing when the row exists
/// and an update guarded by the expected version, so a lost race affects 0 rows instead of raising an error that
/// would abort the other writes sharing the transaction (PostgreSQL aborts a transaction on any error).
/// </summary>
internal static class StateRows
{
    public const string Table = "grain_state";

    private const string KeyFilter =
        "service_id = @service_id AND grain_type = @grain_type AND grain_key = @grain_key AND state_name = @state_name";

    public const string Select = $"SELECT version, state_schema_version, payload FROM {Table} WHERE {KeyFilter};";

    public const string SelectVersion = $"SELECT version FROM {Table} WHERE {KeyFilter};";

    public const string Insert =
        $"INSERT INTO {Table} (service_id, grain_type, grain_key, state_name, version, state_schema_version, payload) " +
        "VALUES (@service_id, @grain_type, @grain_key, @state_name, @new_version, @state_schema_version, @payload) ON CONFLICT DO NOTHING;";

    public const string Update =
        $"UPDATE {Table} SET version = @new_version, state_schema_version = @state_schema_version, payload = @payload " +
        $"WHERE {KeyFilter} AND version = @expected_version;";

    /// <summary>Fills a command for <paramref name="write"/>; the command text is <see cref="Insert"/> or <see cref="Update"/>.</summary>
    public static void Bind(DbParameterCollection parameters, Func<DbParameter> create, PendingWrite write)
    {
        BindKey(parameters, create, write.Key);
        Add(parameters, create, "new_version", DbType.Int64, write.NewVersion);
        Add(parameters, create, "state_schema_version", DbType.Int32, write.StateSchemaVersion);
        Add(parameters, create, "payload", DbType.String, write.Payload);
        if (write.ExpectedVersion is { } expected)
        {
            Add(parameters, create, "expected_version", DbType.Int64, expected);
        }
    }

    public static void BindKey(DbParameterCollection parameters, Func<DbParameter> create, StateKey key)
    {
        Add(parameters, create, "service_id", DbType.String, key.ServiceId);
        Add(parameters, create, "grain_type", DbType.String, key.GrainType);
        Add(parameters, create, "grain_key", DbType.String, key.GrainKey);
        Add(parameters, create, "state_name", DbType.String, key.StateName);
    }

    public static void Add(DbParameterCollection parameters, Func<DbParameter> create, string name, DbType type, object? value)
    {
        var parameter = create();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
    }

    public static async Task<long?> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, StateKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SelectVersion;
        BindKey(command.Parameters, command.CreateParameter, key);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
