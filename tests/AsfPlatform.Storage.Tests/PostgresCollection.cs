using AsfPlatform.TestSupport;

namespace AsfPlatform.Storage.Tests;

/// <summary>Test classes in this collection share the run's private PostgreSQL server.</summary>
[CollectionDefinition(PostgresServerFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;
