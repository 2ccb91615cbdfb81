using Microsoft.Data.Sqlite;

namespace CallGateway.Persistence.Tests.Support;

/// <summary>A storage provider under test: hands out fresh, empty databases as <c>Storage:*</c> settings.</summary>
public interface ITestStorage
{
    StorageProvider Provider { get; }

    /// <summary>Non-null when this provider's tests are skipped (explicit opt-out only).</summary>
    string? SkipReason { get; }

    Task<TestDatabase> CreateDatabaseAsync();
}

/// <summary>An empty database of one test; deleted on dispose.</summary>
public sealed class TestDatabase(IReadOnlyDictionary<string, string?> settings, Func<Task> delete) : IAsyncDisposable
{
    /// <summary>The configuration that points the gateway at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    public ValueTask DisposeAsync() => new(delete());
}

/// <summary>A real SQLite file in a temp folder per test.</summary>
public sealed class SqliteTestStorage : ITestStorage
{
    public StorageProvider Provider => StorageProvider.Sqlite;

    public string? SkipReason => null;

    public Task<TestDatabase> CreateDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cg-sqlite-").FullName;
        var path = Path.Combine(folder, "gateway.db");
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:SqlitePath"] = path };
        return Task.FromResult(new TestDatabase(settings, () =>
        {
            using (var connection = new SqliteConnection(SqliteGatewayDbContext.ConnectionString(path)))
            {
                SqliteConnection.ClearPool(connection);
            }

            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }));
    }
}

/// <summary>A database of its own per test on the collection's PostgreSQL server.</summary>
public sealed class PostgresTestStorage(PostgresFixture postgres) : ITestStorage
{
    public StorageProvider Provider => StorageProvider.Postgres;

    public string? SkipReason => postgres.SkipReason;

    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:PostgresConnectionString"] = connectionString };
        return new TestDatabase(settings, () => postgres.Server.DropDatabaseAsync(connectionString));
    }
}
