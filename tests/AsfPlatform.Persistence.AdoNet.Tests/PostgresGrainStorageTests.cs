using System.Data.Common;
using AsfPlatform.TestSupport;
using Npgsql;

namespace AsfPlatform.Persistence.AdoNet.Tests;

/// <summary>The storage on PostgreSQL: one database per class on the test run's private server; tests are kept
/// apart by service id.</summary>
public sealed class PostgresGrainStorageTests(PostgresDatabaseFixture database) : AdoNetGrainStorageTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override string Invariant => AdoNetGrainStorageOptions.PostgresInvariant;

    protected override string ConnectionString => database.ConnectionString;

    protected override DbProviderFactory Factory => NpgsqlFactory.Instance;

    // Scoped to this test's service id, so other tests in the shared database keep writing normally.
    protected override string PoisonTriggerSql => $"""
        CREATE OR REPLACE FUNCTION poison_{ServiceId.Replace('-', '_')}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.grain_key = 'poison' AND NEW.service_id = '{ServiceId}' THEN RAISE EXCEPTION 'injected fault'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER poison_{ServiceId.Replace('-', '_')} BEFORE INSERT OR UPDATE ON grain_state
          FOR EACH ROW EXECUTE FUNCTION poison_{ServiceId.Replace('-', '_')}();
        """;

    protected override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2";

    protected override Task<string> FreshDatabaseAsync() => database.Server.CreateDatabaseAsync("asf_migration");

}
