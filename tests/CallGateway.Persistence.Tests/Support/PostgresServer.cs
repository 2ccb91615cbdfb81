using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace CallGateway.Persistence.Tests.Support;

/// <summary>
/// A PostgreSQL server for tests, where each test gets a database of its own.
/// <list type="bullet">
/// <item><c>CALLGATEWAY_TEST_POSTGRES</c> set: that server (an admin connection string; the role needs CREATEDB).</item>
/// <item>Otherwise a throwaway server from the installed binaries (Debian's <c>postgresql</c> package, which
/// <c>.ci/run</c> installs): initdb into a temp folder (as the <c>postgres</c> user when running as root), listening on
/// 127.0.0.1 on a free port with a random password, stopped and deleted when the tests end.</item>
/// </list>
/// Nothing here skips: when no server can be had, starting fails with a message that says why. Skipping is the
/// fixture's decision, and only on an explicit opt-out (<see cref="PostgresFixture"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "CALLGATEWAY_TEST_POSTGRES";
    public const string BinariesVariable = "CALLGATEWAY_TEST_PG_BIN";
    private const string FolderPrefix = "cg-pg-";

    private readonly ThrowawayCluster? _cluster;

    private PostgresServer(string adminConnectionString, ThrowawayCluster? cluster)
    {
        AdminConnectionString = adminConnectionString;
        _cluster = cluster;
    }

    /// <summary>Connection string of a role that may create databases (the <c>postgres</c> database).</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server came from, for messages.</summary>
    public string Description => _cluster is null ? $"the server in {ConnectionStringVariable}" : $"a throwaway server in {_cluster.Folder}";

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured)
        {
            var server = new PostgresServer(configured, null);
            await server.CheckAsync().ConfigureAwait(false);
            return server;
        }

        var cluster = await ThrowawayCluster.StartAsync().ConfigureAwait(false);
        var started = new PostgresServer(cluster.ConnectionString, cluster);
        await started.CheckAsync().ConfigureAwait(false);
        return started;
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "cg_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task CheckAsync()
    {
        try
        {
            await ExecuteAsync("SELECT 1").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL for the tests ({Description}) cannot be reached: {ex.Message}", ex);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>initdb + pg_ctl in a temp folder; the folder records the test process that owns it.</summary>
    private sealed class ThrowawayCluster : IAsyncDisposable
    {
        private readonly string _binaries;
        private readonly bool _asPostgresUser;

        private ThrowawayCluster(string folder, string binaries, bool asPostgresUser, string connectionString)
        {
            Folder = folder;
            _binaries = binaries;
            _asPostgresUser = asPostgresUser;
            ConnectionString = connectionString;
        }

        public string Folder { get; }

        public string ConnectionString { get; }

        private string DataDirectory => Path.Combine(Folder, "data");

        public static async Task<ThrowawayCluster> StartAsync()
        {
            var binaries = FindBinaries();
            var asPostgresUser = Environment.IsPrivilegedProcess; // initdb refuses to run as root
            await RemoveAbandonedAsync(binaries, asPostgresUser).ConfigureAwait(false);

            var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            if (asPostgresUser && !OperatingSystem.IsWindows())
            {
                // The postgres user creates data/, the socket and the log in here.
                File.SetUnixFileMode(folder, (UnixFileMode)0x1FF);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var passwordFile = Path.Combine(folder, "pwfile");
            await File.WriteAllTextAsync(passwordFile, password + "\n").ConfigureAwait(false);
            if (asPostgresUser && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            var cluster = new ThrowawayCluster(folder, binaries, asPostgresUser, "");
            try
            {
                await cluster.RunAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "--pwfile=" + passwordFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync").ConfigureAwait(false);
                File.Delete(passwordFile);
                for (var attempt = 1; ; attempt++)
                {
                    var port = FreePort();
                    try
                    {
                        await cluster.RunAsync("pg_ctl", "-D", cluster.DataDirectory, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
                            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{folder}' -c fsync=off "
                            + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start").ConfigureAwait(false);
                        var connectionString = new NpgsqlConnectionStringBuilder
                        {
                            Host = "127.0.0.1",
                            Port = port,
                            Username = "postgres",
                            Password = password,
                            Database = "postgres",
                            Timeout = 30,
                        }.ConnectionString;
                        return new ThrowawayCluster(folder, binaries, asPostgresUser, connectionString);
                    }
                    catch (InvalidOperationException) when (attempt < 3)
                    {
                        // Most likely the port was taken between choosing and binding it: choose again.
                    }
                }
            }
            catch
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAndDeleteAsync(Folder, _binaries, _asPostgresUser).ConfigureAwait(false);
        }

        private Task RunAsync(string tool, params string[] arguments) => Run(_binaries, _asPostgresUser, Folder, tool, arguments);

        private static async Task StopAndDeleteAsync(string folder, string binaries, bool asPostgresUser)
        {
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    await Run(binaries, asPostgresUser, folder, "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop").ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more.
                }
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Servers left behind by test runs that were killed (their owner process is gone).</summary>
        private static async Task RemoveAbandonedAsync(string binaries, bool asPostgresUser)
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                var ownerFile = Path.Combine(folder, "owner.pid");
                if (!File.Exists(ownerFile) || !int.TryParse(await File.ReadAllTextAsync(ownerFile).ConfigureAwait(false), out var owner) || IsRunning(owner))
                {
                    continue;
                }

                await StopAndDeleteAsync(folder, binaries, asPostgresUser).ConfigureAwait(false);
            }
        }

        private static bool IsRunning(int processId)
        {
            try
            {
                using var process = Process.GetProcessById(processId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static async Task Run(string binaries, bool asPostgresUser, string workingDirectory, string tool, params string[] arguments)
        {
            var start = new ProcessStartInfo
            {
                FileName = asPostgresUser ? "runuser" : Path.Combine(binaries, tool),
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (asPostgresUser)
            {
                foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(binaries, tool) })
                {
                    start.ArgumentList.Add(prefix);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
            }
        }

        private static string FindBinaries()
        {
            if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            const string Debian = "/usr/lib/postgresql";
            var newest = Directory.Exists(Debian)
                ? Directory.EnumerateDirectories(Debian)
                    .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                    .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")) && File.Exists(Path.Combine(d.Folder, "pg_ctl")))
                    .OrderByDescending(d => d.Version)
                    .Select(d => d.Folder)
                    .FirstOrDefault()
                : null;
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
            return newest ?? onPath ?? throw new InvalidOperationException(
                $"PostgreSQL tests need a server: install Debian's postgresql package (.ci/run does), set {BinariesVariable} to a folder "
                + $"with initdb and pg_ctl, or set {ConnectionStringVariable} to an admin connection string of a running server. "
                + $"To skip them on a machine without PostgreSQL, set {PostgresFixture.SkipVariable}=1 (ignored when CI=true).");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
