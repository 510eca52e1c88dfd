using AsfPlatform.Runtime.Storage;

namespace AsfPlatform.Persistence.AdoNet.Tests;

/// <summary>The runtime's in-memory storage keeps the same contract as the database storages.</summary>
public sealed class MemoryGrainStorageTests : GrainStorageConformanceTests
{
    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new MemoryGrainStorage());
}
