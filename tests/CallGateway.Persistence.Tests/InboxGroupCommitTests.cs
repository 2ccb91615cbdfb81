using System.Data.Common;
using CallGateway.Persistence.Inbox;
using CallGateway.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.Persistence.Tests;

/// <summary>The inbox's group commit: concurrent deliveries share transactions, and each is still answered exactly.</summary>
public abstract class InboxGroupCommitTests(ITestStorage storage) : StorageTestBase(storage)
{
    private static InboxItem Item(string key) =>
        new(key, "status:RINGING", "wacid." + key, $$"""{"kind":"status","call_id":"wacid.{{key}}","status":"RINGING","timestamp":1}""");

    [SkippableFact]
    public async Task ConcurrentDeliveries_ShareCommits_AndDuplicatesAreCountedExactly()
    {
        var commits = new CommitCounter();
        await using var services = BuildCountingServices(commits);
        var inbox = services.GetRequiredService<IWebhookInbox>();

        // 300 distinct events, and the first 100 of them delivered a second time, all at once.
        var deliveries = Enumerable.Range(0, 300).Select(i => Item($"event-{i}"))
            .Concat(Enumerable.Range(0, 100).Select(i => Item($"event-{i}")))
            .Select(item => inbox.AppendAsync([item], CancellationToken.None)).ToList();
        var results = await Task.WhenAll(deliveries);

        Assert.Equal(300, results.Sum(r => r.Stored));
        Assert.Equal(100, results.Sum(r => r.Duplicates));
        Assert.Equal(300, await inbox.CountPendingAsync(default));
        Assert.InRange(commits.Count, 1, 40); // one transaction per delivery would be 400
    }

    [SkippableFact]
    public async Task ADeliveryThatCannotBeStored_FailsAlone_TheOthersOfItsBatchAreStored()
    {
        var inbox = Get<IWebhookInbox>();
        var good = Enumerable.Range(0, 50).Select(i => inbox.AppendAsync([Item($"good-{i}")], CancellationToken.None)).ToList();
        var bad = inbox.AppendAsync([Item("bad-1"), new InboxItem("bad-2", null!, "wacid.B", "{}")], CancellationToken.None); // Kind is NOT NULL
        var moreGood = Enumerable.Range(50, 50).Select(i => inbox.AppendAsync([Item($"good-{i}")], CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        var results = await Task.WhenAll(good.Concat(moreGood));
        Assert.All(results, r => Assert.Equal(1, r.Stored));
        var keys = (await inbox.GetPendingAsync(500, default)).Select(m => m.DedupeKey).ToList();
        Assert.Equal(100, keys.Count);
        Assert.DoesNotContain("bad-1", keys); // a delivery is all or nothing
    }

    [SkippableFact]
    public async Task AnAcknowledgedDelivery_IsVisibleToANewProcess()
    {
        var result = await Get<IWebhookInbox>().AppendAsync([Item("durable-1"), Item("durable-2")], CancellationToken.None);
        Assert.Equal(2, result.Stored);

        await using var next = BuildServices(Settings);
        var pending = await next.GetRequiredService<IWebhookInbox>().GetPendingAsync(10, CancellationToken.None);
        Assert.Equal(["durable-1", "durable-2"], pending.Select(m => m.DedupeKey));
    }

    private ServiceProvider BuildCountingServices(CommitCounter commits)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build())
            .AddLogging();
        services.AddCallGatewayPersistence();
        services.ConfigureDbContext<SqliteGatewayDbContext>(options => options.AddInterceptors(commits));
        services.ConfigureDbContext<PostgresGatewayDbContext>(options => options.AddInterceptors(commits));
        return services.BuildServiceProvider();
    }

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

public sealed class SqliteInboxGroupCommitTests() : InboxGroupCommitTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxGroupCommitTests(PostgresFixture postgres) : InboxGroupCommitTests(new PostgresTestStorage(postgres));
