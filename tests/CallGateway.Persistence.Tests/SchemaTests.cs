using CallGateway.Persistence.Entities;
using System.Data.Common;
using CallGateway.Persistence.Inbox;
using CallGateway.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.Persistence.Tests;

/// <summary>Migrations and the start-up initializer, on every provider.</summary>
public abstract class SchemaTests(ITestStorage storage) : StorageTestBase(storage)
{
    [SkippableFact]
    public async Task Initializer_AppliesEveryMigration_AndTheModelHasNoChangesWithoutAMigration()
    {
        await using var db = OpenDatabase();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Fails when an entity changed but `dotnet ef migrations add` was not run for this provider (README).
        Assert.False(db.Database.HasPendingModelChanges(), $"The {Storage.Provider} model has changes that no migration covers: add a migration (README, \"How to add a migration\").");
        Assert.True(await Get<DatabaseInitializer>().CanConnectAsync(default));
    }

    [SkippableFact]
    public async Task Initializer_OnAFreshDatabase_FromSeveralInstancesAtOnce_MigratesOnce()
    {
        await using var fresh = await Storage.CreateDatabaseAsync();
        var providers = Enumerable.Range(0, 3).Select(_ => BuildServices(fresh.Settings)).ToList();
        try
        {
            await Task.WhenAll(providers.Select(p => Task.Run(() => p.GetRequiredService<DatabaseInitializer>().InitializeAsync(default))));
            await providers[0].GetRequiredService<DatabaseInitializer>().InitializeAsync(default); // and again later

            await using var db = await providers[0].GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(new InboxAppendResult(1, 0), await providers[1].GetRequiredService<IWebhookInbox>().AppendAsync([new("k", "connect", null, "{}")], default));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task ADatabaseCreatedWithoutMigrations_IsRefusedWithAClearMessage()
    {
        await using var legacy = await Storage.CreateDatabaseAsync();
        await using var services = BuildServices(legacy.Settings);
        await using (var db = await services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync(); // what versions before migrations did
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<DatabaseInitializer>().InitializeAsync(default));
        Assert.Contains("without migrations", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void EveryTimestampColumn_IsAnInteger_OfUnixMilliseconds()
    {
        using var db = OpenDatabase();
        var timestamps = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)).ToList();

        Assert.NotEmpty(timestamps);
        Assert.All(timestamps, p => Assert.Contains(p.GetColumnType(), new[] { "INTEGER", "bigint" }));
    }

    [SkippableFact]
    public async Task StoredValues_AreUnixMilliseconds_AndEnumNames()
    {
        await Get<IWebhookInbox>().AppendAsync([new("k", "connect", null, "{}")], default);
        var outbox = Get<Signaling.ISignalOutbox>();
        await outbox.EnqueueAsync("call_1", "terminate", Time.GetUtcNow().AddSeconds(1), Time.GetUtcNow().AddMinutes(1), "503", default);

        var inbox = await ReadRowAsync("""SELECT "ReceivedAt", "Status" FROM "webhook_inbox" """);
        Assert.Equal(Time.GetUtcNow().ToUnixTimeMilliseconds(), Assert.IsType<long>(inbox[0]));
        Assert.Equal("Pending", inbox[1]);
        var signal = await ReadRowAsync("""SELECT "NextAttemptAt", "Status" FROM "signal_outbox" """);
        Assert.Equal(Time.GetUtcNow().AddSeconds(1).ToUnixTimeMilliseconds(), Assert.IsType<long>(signal[0]));
        Assert.Equal("Pending", signal[1]);
    }

    protected async Task<object[]> ReadRowAsync(string sql)
    {
        await using var db = OpenDatabase();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}

public sealed class SqliteSchemaTests() : SchemaTests(new SqliteTestStorage())
{
    [SkippableFact]
    public async Task Initializer_SwitchesSqliteToWriteAheadLogging()
    {
        Assert.Equal("wal", (await ReadRowAsync("PRAGMA journal_mode"))[0]);
    }

    [SkippableFact]
    public async Task Connections_CommitWithoutFsync_UntilAskedForAPowerLossSafeCommit()
    {
        await using var db = OpenDatabase();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(1L, await SynchronousAsync(db)); // NORMAL: crash-safe in WAL mode

        await db.MakeCommitDurableAsync(default);

        Assert.Equal(2L, await SynchronousAsync(db)); // FULL: the inbox's appends
        await db.Database.CloseConnectionAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(1L, await SynchronousAsync(db)); // a pooled connection is reset when it is opened again
    }

    [SkippableFact]
    public async Task WritesFromContextsOnOneFile_WaitForEachOther_InThisProcess()
    {
        await using var first = OpenDatabase();
        await using var second = OpenDatabase();
        Assert.Same(first.WriteGate, second.WriteGate);

        Task save;
        using (await first.WriteGate.EnterAsync(default))
        {
            second.CallPermissions.Add(new CallPermissionRecord { WaId = "15550001111" });
            save = second.SaveChangesAsync();
            await Task.Delay(200);
            Assert.False(save.IsCompleted, "a save ran while another writer held the gate");
        }

        await save.WaitAsync(TimeSpan.FromSeconds(10));
        await using var other = await Storage.CreateDatabaseAsync();
        await using var services = BuildServices(other.Settings);
        await using var elsewhere = await services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.NotSame(first.WriteGate, elsewhere.WriteGate);
    }

    private static async Task<long> SynchronousAsync(GatewayDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return Assert.IsType<long>(await command.ExecuteScalarAsync());
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresFixture postgres) : SchemaTests(new PostgresTestStorage(postgres))
{
    [SkippableFact]
    public async Task Initializer_CreatesADatabaseThatDoesNotExistYet()
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres.Server.AdminConnectionString) { Database = "cg_test_new_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        try
        {
            await using var services = BuildServices(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:PostgresConnectionString"] = connectionString });
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(default);

            Assert.Equal(new InboxAppendResult(1, 0), await services.GetRequiredService<IWebhookInbox>().AppendAsync([new("k", "connect", null, "{}")], default));
        }
        finally
        {
            await postgres.Server.DropDatabaseAsync(connectionString);
        }
    }

    [SkippableFact]
    public async Task TablesAndColumns_AreTheQuotedNamesTheRawSqlUses()
    {
        var row = await ReadRowAsync(
            """
            SELECT count(*) FILTER (WHERE column_name = 'DedupeKey'), max(data_type) FILTER (WHERE column_name = 'ReceivedAt')
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'webhook_inbox'
            """);
        Assert.Equal(1L, row[0]);
        Assert.Equal("bigint", row[1]);
    }
}
