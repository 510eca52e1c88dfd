using AsfPlatform.Backup;
using BenchmarkDotNet.Attributes;

namespace AsfPlatform.Benchmarks.Excel;

/// <summary>
/// Backup and restore of a sample-dataset owner on a real host on SQLite: the backup reads every grain and the audit
/// log and writes the zip (in memory); the restore checks nothing more (the document is read once) and writes every
/// record through the grains' create paths and the audit log in one transaction, into a new empty installation per
/// iteration (started and stopped outside the measurement).
/// </summary>
[Config(typeof(SlowWorkConfig))]
public class BackupBenchmarks
{
    private BenchmarkHost _source = null!;
    private BenchmarkHost? _target;
    private BackupDocument _document = null!;

    [Params("finsam-gavleborg", "region-gavleborg")]
    public string Owner { get; set; } = "";

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _source = new BenchmarkHost(loadDataset: true);
        _ = _source.Services;
        var zip = new MemoryStream();
        await new BackupWriter(_source.Grains, _source.Audit).WriteAsync(Owner, zip);
        zip.Position = 0;
        _document = await BackupReader.ReadAsync(zip);
    }

    /// <summary>Reads the owner and writes its zip.</summary>
    [Benchmark]
    public async Task<long> Backup()
    {
        var zip = new MemoryStream();
        await new BackupWriter(_source.Grains, _source.Audit).WriteAsync(Owner, zip);
        return zip.Length;
    }

    [IterationSetup(Target = nameof(Restore))]
    public void StartEmptyInstallation()
    {
        _target = new BenchmarkHost(loadDataset: false);
        _ = _target.Services;
    }

    /// <summary>Restores the owner into the empty installation.</summary>
    [Benchmark]
    public async Task<int> Restore() =>
        (await new BackupRestorer(_target!.Grains, _target.Audit).RestoreAsync(_document, "benchmark", "sample.zip")).Counts.Count;

    [IterationCleanup(Target = nameof(Restore))]
    public void StopInstallation() => _target?.Dispose();

    [GlobalCleanup]
    public void CleanUp() => _source.Dispose();
}
