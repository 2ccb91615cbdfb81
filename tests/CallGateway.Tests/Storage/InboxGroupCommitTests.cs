using System.Data.Common;
using CallGateway.Persistence;
using CallGateway.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.Tests.Storage;

/// <summary>The inbox's group commit, on a real SQLite file: concurrent deliveries share transactions, each still exact.</summary>
public sealed class InboxGroupCommitTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cg-inbox-").FullName;
    private readonly CommitCounter _commits = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = BuildServices(_commits);
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ConcurrentDeliveries_ShareCommits_AndDuplicatesAreCountedExactly()
    {
        var inbox = _services.GetRequiredService<IWebhookInbox>();
        var commitsBefore = _commits.Count;

        // 300 distinct events, then each of the first 100 delivered again, all at once.
        var deliveries = Enumerable.Range(0, 300).Select(i => Item($"event-{i}"))
            .Concat(Enumerable.Range(0, 100).Select(i => Item($"event-{i}")))
            .Select(item => inbox.AppendAsync([item], CancellationToken.None)).ToList();
        var results = await Task.WhenAll(deliveries);

        Assert.Equal(300, results.Sum(r => r.Stored));
        Assert.Equal(100, results.Sum(r => r.Duplicates));
        await using var db = await _services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(300, await db.Inbox.CountAsync());
        var commits = _commits.Count - commitsBefore;
        Assert.InRange(commits, 1, 40); // 400 deliveries; one transaction each would be 400
    }

    [Fact]
    public async Task ADeliveryThatCannotBeStored_FailsAlone()
    {
        var inbox = _services.GetRequiredService<IWebhookInbox>();
        var good = Enumerable.Range(0, 50).Select(i => inbox.AppendAsync([Item($"good-{i}")], CancellationToken.None)).ToList();
        var bad = inbox.AppendAsync([new InboxItem("bad", "status:RINGING", null, null!)], CancellationToken.None); // a payload the database cannot take
        var moreGood = Enumerable.Range(50, 50).Select(i => inbox.AppendAsync([Item($"good-{i}")], CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        var results = await Task.WhenAll(good.Concat(moreGood));
        Assert.All(results, r => Assert.Equal(1, r.Stored));
        await using var db = await _services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContextAsync();
        Assert.Equal(100, await db.Inbox.CountAsync());
    }

    [Fact]
    public async Task AnAcknowledgedDelivery_IsInTheFile_ForTheNextProcess()
    {
        var inbox = _services.GetRequiredService<IWebhookInbox>();
        var result = await inbox.AppendAsync([Item("durable-1"), Item("durable-2")], CancellationToken.None);
        Assert.Equal(2, result.Stored);

        // A second, independent provider (as after a restart) reads the same file.
        await using var next = BuildServices(new CommitCounter());
        var pending = await next.GetRequiredService<IWebhookInbox>().GetPendingAsync(10, CancellationToken.None);
        Assert.Equal(["durable-1", "durable-2"], pending.Select(m => m.DedupeKey));
    }

    private ServiceProvider BuildServices(CommitCounter commits)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(_dir, "inbox.db") })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddCallGatewayPersistence();
        services.ConfigureDbContext<GatewayDbContext>(options => options.AddInterceptors(commits));
        return services.BuildServiceProvider();
    }

    private static InboxItem Item(string key) =>
        new(key, "status:RINGING", "wacid." + key, $$"""{"kind":"status","call_id":"wacid.{{key}}","status":"RINGING","timestamp":1}""");

    private sealed class CommitCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
