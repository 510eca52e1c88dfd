using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace AsfPlatform.TestSupport;

/// <summary>
/// A PostgreSQL 15 server for a test run: a private cluster (initdb into a temp directory, pg_ctl start on a free
/// loopback port, fsync and <c>synchronous_commit</c> on), shared by every test in the process and stopped when the
/// process exits — even if the process is killed, a detached watchdog stops it. When the environment variable
/// <c>ASF_TEST_POSTGRES</c> holds a connection string, that server is used instead and nothing is started.
/// Give each test class its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable naming an existing server to use instead of a private one.</summary>
    public const string ExternalServerVariable = "ASF_TEST_POSTGRES";

    private static readonly object Gate = new();
    private static Task<PostgresServer>? _shared;

    private readonly string? _binDirectory;
    private readonly string? _rootDirectory;
    private int _stopped;

    private PostgresServer(string connectionString, string? binDirectory, string? rootDirectory)
    {
        ConnectionString = connectionString;
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
    }

    /// <summary>Connection string of the server's maintenance database (<c>postgres</c>), as superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this process started the server (false for <c>ASF_TEST_POSTGRES</c>).</summary>
    public bool IsPrivate => _rootDirectory is not null;

    /// <summary>The process-wide server, started on first use.</summary>
    public static Task<PostgresServer> StartAsync()
    {
        lock (Gate)
        {
            return _shared ??= StartNewAsync();
        }
    }

    /// <summary>Creates an empty database whose name starts with <paramref name="name"/> and returns its connection string.
    /// A random suffix keeps parallel runs on a shared external server apart.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        var database = $"{Sanitize(name)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops a private server and deletes its files; the next <see cref="StartAsync"/> starts a new one.</summary>
    public ValueTask DisposeAsync()
    {
        lock (Gate)
        {
            if (_shared is { IsCompletedSuccessfully: true } shared && ReferenceEquals(shared.Result, this))
            {
                _shared = null;
            }
        }

        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresServer> StartNewAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, null, null);
        }

        var bin = FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("asf-pg-").FullName;
        var data = Path.Combine(root, "data");
        try
        {
            if (RunsAsRoot)
            {
                // initdb refuses to run as root, so the cluster belongs to the postgres user.
                await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
            }

            await RunAsync(Path.Combine(bin, "initdb"),
                ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                asPostgres: true);

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePorts.Take(1)[0];
                var settings =
                    $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{root}' " +
                    "-c fsync=on -c synchronous_commit=on -c max_connections=300 -c shared_buffers=32MB";
                var (exitCode, output) = await TryRunAsync(Path.Combine(bin, "pg_ctl"),
                    ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", settings, "start"],
                    asPostgres: true);
                if (exitCode == 0)
                {
                    var server = new PostgresServer(
                        $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true;Maximum Pool Size=50",
                        bin, root);
                    StartWatchdog(bin, data, root);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                    return server;
                }

                // Another process may have taken the port between probing and binding; try another one.
                if (attempt == 3)
                {
                    var log = File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : "";
                    throw new InvalidOperationException($"pg_ctl start failed: {output}\n{log}");
                }
            }
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    private void Stop()
    {
        if (_rootDirectory is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Immediate: the data is thrown away, so there is nothing to flush and exit stays fast.
        TryRunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", Path.Combine(_rootDirectory, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true)
            .GetAwaiter().GetResult();
        TryDelete(_rootDirectory);
    }

    private static string FindBinDirectory()
    {
        var candidates = new[] { "/usr/lib/postgresql/15/bin" }
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/<version>/bin. " +
                "Install the 'postgresql' package (apt-get install postgresql; scripts/test.sh does this), or set " +
                $"{ExternalServerVariable} to the connection string of a server to use.");
    }

    /// <summary>Stops the server once this process is gone, however it ended. Detached with setsid, so killing the
    /// test process tree does not take the watchdog with it.</summary>
    private static void StartWatchdog(string bin, string data, string root)
    {
        var stop = $"{(RunsAsRoot ? "runuser -u postgres -- " : "")}'{bin}/pg_ctl' -D '{data}' -m immediate -w stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{root}'";
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            ArgumentList = { "-c", $"exec setsid -f /bin/sh -c \"{script}\" </dev/null >/dev/null 2>&1" },
        };
        using var process = Process.Start(start);
        process?.WaitForExit();
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var (exitCode, output) = await TryRunAsync(fileName, arguments, asPostgres);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} failed with exit code {exitCode}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (asPostgres && RunsAsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", fileName })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    private static string Sanitize(string name)
    {
        var clean = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        clean = clean.Length == 0 || char.IsAsciiDigit(clean[0]) ? "db_" + clean : clean;
        return clean.Length > 40 ? clean[..40] : clean;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool RunsAsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
