using CallGateway.Persistence.Entities;
using CallGateway.Persistence.Inbox;
using CallGateway.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence.Tests;

/// <summary>The durable webhook inbox (<see cref="EfWebhookInbox"/>, raw <c>INSERT … ON CONFLICT</c>), on every provider.</summary>
public abstract class WebhookInboxTests(ITestStorage storage) : StorageTestBase(storage)
{
    private IWebhookInbox Inbox => Get<IWebhookInbox>();

    private static InboxItem Item(string key, string? metaCallId = "wacid.A") =>
        new(key, "connect", metaCallId, $$"""{"kind":"connect","key":"{{key}}"}""");

    [SkippableFact]
    public async Task Append_StoresEveryField_WithReceivedAtInUnixMilliseconds()
    {
        var result = await Inbox.AppendAsync([new InboxItem("call:wacid.A:connect", "connect", "wacid.A", "{\"sdp\":\"v=0\\r\\n…\"}")], default);

        Assert.Equal(new InboxAppendResult(1, 0), result);
        var row = Assert.Single(await Inbox.GetPendingAsync(10, default));
        Assert.Equal("call:wacid.A:connect", row.DedupeKey);
        Assert.Equal("connect", row.Kind);
        Assert.Equal("wacid.A", row.MetaCallId);
        Assert.Equal("{\"sdp\":\"v=0\\r\\n…\"}", row.Payload);
        Assert.Equal(Time.GetUtcNow(), row.ReceivedAt);
        Assert.Equal(InboxStatus.Pending, row.Status);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.NextAttemptAt);
        Assert.Null(row.ProcessedAt);
        Assert.Null(row.Outcome);
    }

    [SkippableFact]
    public async Task Append_WithoutMetaCallId_IsStored()
    {
        Assert.Equal(new InboxAppendResult(1, 0), await Inbox.AppendAsync([Item("message:wamid.1", metaCallId: null)], default));
        Assert.Null(Assert.Single(await Inbox.GetPendingAsync(10, default)).MetaCallId);
    }

    [SkippableFact]
    public async Task Append_Nothing_StoresNothing()
    {
        Assert.Equal(new InboxAppendResult(0, 0), await Inbox.AppendAsync([], default));
    }

    [SkippableFact]
    public async Task Append_Duplicates_WithinAndAcrossDeliveries_AreCountedNotStored()
    {
        Assert.Equal(new InboxAppendResult(2, 1), await Inbox.AppendAsync([Item("k1"), Item("k2"), Item("k1")], default));
        Assert.Equal(new InboxAppendResult(1, 2), await Inbox.AppendAsync([Item("k2"), Item("k3"), Item("k1")], default));

        Assert.Equal(["k1", "k2", "k3"], (await Inbox.GetPendingAsync(10, default)).Select(m => m.DedupeKey));
        Assert.Equal(3, await Inbox.CountPendingAsync(default));
    }

    [SkippableFact]
    public async Task Append_IsOneTransaction_AFailingEventStoresNoneOfTheDelivery()
    {
        // Kind is NOT NULL: the second event fails, so the first must not stay behind.
        var broken = new InboxItem("k2", null!, "wacid.A", "{}");
        await Assert.ThrowsAnyAsync<Exception>(() => Inbox.AppendAsync([Item("k1"), broken], default));

        Assert.Equal(0, await Inbox.CountPendingAsync(default));
        Assert.Equal(new InboxAppendResult(1, 0), await Inbox.AppendAsync([Item("k1")], default));
    }

    [SkippableFact]
    public async Task ConcurrentRedeliveries_OfTheSameEvents_StoreEachOnce()
    {
        const int Deliveries = 8;
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Deliveries).Select(async _ =>
        {
            await start.WaitAsync();
            return await Inbox.AppendAsync([Item("call:wacid.A:connect"), Item("call:wacid.A:status:RINGING")], default);
        }).ToList();
        start.Release(Deliveries);
        var results = await Task.WhenAll(tasks);

        Assert.Equal(2, results.Sum(r => r.Stored));
        Assert.Equal((2 * Deliveries) - 2, results.Sum(r => r.Duplicates));
        Assert.Equal(2, await Inbox.CountPendingAsync(default));
    }

    [SkippableFact]
    public async Task ConcurrentDeliveries_OfOverlappingEventsInOppositeOrder_AllSucceed_EachEventOnce()
    {
        // On PostgreSQL each transaction waits for the other's uncommitted key: a deadlock that the server breaks by
        // aborting one of them, which the inbox then retries.
        var keys = Enumerable.Range(0, 6).Select(i => $"call:wacid.X:status:S{i}").ToArray();
        for (var round = 0; round < 3; round++)
        {
            using var start = new SemaphoreSlim(0);
            var forward = Task.Run(async () =>
            {
                await start.WaitAsync();
                return await Inbox.AppendAsync([.. keys.Select(k => Item(k + round))], default);
            });
            var backward = Task.Run(async () =>
            {
                await start.WaitAsync();
                return await Inbox.AppendAsync([.. keys.Reverse().Select(k => Item(k + round))], default);
            });
            start.Release(2);
            var results = await Task.WhenAll(forward, backward);
            Assert.Equal(keys.Length, results.Sum(r => r.Stored));
        }

        Assert.Equal(3 * keys.Length, await Inbox.CountPendingAsync(default));
    }

    [SkippableFact]
    public async Task GetPending_IsOldestFirst_Bounded_AndOnlyPending()
    {
        await Inbox.AppendAsync([Item("k1"), Item("k2"), Item("k3"), Item("k4")], default);
        var all = await Inbox.GetPendingAsync(10, default);
        await Inbox.MarkProcessedAsync(all[0].Id, "done", default);
        await Inbox.MarkDeadAsync(all[2].Id, "gave up", default);

        Assert.Equal(["k2", "k4"], (await Inbox.GetPendingAsync(10, default)).Select(m => m.DedupeKey));
        Assert.Equal(["k2"], (await Inbox.GetPendingAsync(1, default)).Select(m => m.DedupeKey));
        Assert.Equal(2, await Inbox.CountPendingAsync(default));
    }

    [SkippableFact]
    public async Task Defer_KeepsTheEventPending_WithItsNextAttemptAndReason()
    {
        await Inbox.AppendAsync([Item("k1")], default);
        var id = (await Inbox.GetPendingAsync(1, default))[0].Id;
        var next = Time.GetUtcNow().AddSeconds(2.5);

        await Inbox.DeferAsync(id, next, "call not known yet", default);
        await Inbox.DeferAsync(id, next.AddSeconds(1), "still not known", default);

        var row = Assert.Single(await Inbox.GetPendingAsync(10, default));
        Assert.Equal(InboxStatus.Pending, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(next.AddSeconds(1), row.NextAttemptAt);
        Assert.Equal("still not known", row.Outcome);
        Assert.Null(row.ProcessedAt);
    }

    [SkippableFact]
    public async Task MarkProcessed_AndMarkDead_RecordOutcomeTimeAndAttempt()
    {
        await Inbox.AppendAsync([Item("k1"), Item("k2")], default);
        var rows = await Inbox.GetPendingAsync(10, default);
        Time.Advance(TimeSpan.FromMilliseconds(1500));

        await Inbox.MarkProcessedAsync(rows[0].Id, "applied", default);
        await Inbox.MarkDeadAsync(rows[1].Id, new string('x', 1500), default);

        await using var db = OpenDatabase();
        var processed = await db.Inbox.SingleAsync(m => m.Id == rows[0].Id);
        Assert.Equal((InboxStatus.Processed, 1, "applied", Time.GetUtcNow()), (processed.Status, processed.Attempts, processed.Outcome, processed.ProcessedAt));
        var dead = await db.Inbox.SingleAsync(m => m.Id == rows[1].Id);
        Assert.Equal((InboxStatus.Dead, 1, Time.GetUtcNow()), (dead.Status, dead.Attempts, dead.ProcessedAt));
        Assert.Equal(new string('x', 1000), dead.Outcome); // truncated
        Assert.Equal(0, await Inbox.CountPendingAsync(default));
    }

    [SkippableFact]
    public async Task Updates_OfAnUnknownEvent_AreIgnored()
    {
        await Inbox.MarkProcessedAsync(424242, "x", default);
        await Inbox.DeferAsync(424242, Time.GetUtcNow(), "x", default);
        await Inbox.MarkDeadAsync(424242, "x", default);
        Assert.Equal(0, await Inbox.CountPendingAsync(default));
    }
}

public sealed class SqliteWebhookInboxTests() : WebhookInboxTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class PostgresWebhookInboxTests(PostgresFixture postgres) : WebhookInboxTests(new PostgresTestStorage(postgres));
