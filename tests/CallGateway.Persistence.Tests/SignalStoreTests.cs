using CallGateway.Persistence.Entities;
using CallGateway.Persistence.Signaling;
using CallGateway.Persistence.Tests.Support;

namespace CallGateway.Persistence.Tests;

/// <summary>The signal outbox and the Graph attempt log (<see cref="EfSignalOutbox"/>, <see cref="EfSignalAttemptStore"/>), on every provider.</summary>
public abstract class SignalStoreTests(ITestStorage storage) : StorageTestBase(storage)
{
    private ISignalOutbox Outbox => Get<ISignalOutbox>();

    private ISignalAttemptStore Attempts => Get<ISignalAttemptStore>();

    [SkippableFact]
    public async Task Enqueue_StoresAPendingActionWithItsFirstAttemptCounted()
    {
        var now = Time.GetUtcNow();
        var id = await Outbox.EnqueueAsync("call_1", "terminate", now.AddSeconds(1), now.AddMinutes(5), "503 from Graph", default);

        var row = Assert.Single(await Outbox.ListAsync("call_1", default));
        Assert.Equal(id, row.Id);
        Assert.Equal(("call_1", "terminate", OutboxStatus.Pending, 1), (row.CallId, row.Action, row.Status, row.Attempts));
        Assert.Equal((now, now.AddSeconds(1), now.AddMinutes(5)), (row.CreatedAt, row.NextAttemptAt, row.Deadline));
        Assert.Equal("503 from Graph", row.LastError);
    }

    [SkippableFact]
    public async Task GetDue_ReturnsPendingActionsWhoseTimeHasCome_OldestFirst_Bounded()
    {
        var now = Time.GetUtcNow();
        var later = await Outbox.EnqueueAsync("call_1", "accept", now.AddSeconds(10), now.AddMinutes(1), "timeout", default);
        var first = await Outbox.EnqueueAsync("call_2", "terminate", now, now.AddMinutes(1), "503", default);
        var second = await Outbox.EnqueueAsync("call_3", "reject", now.AddMilliseconds(-1), now.AddMinutes(1), "503", default);
        var done = await Outbox.EnqueueAsync("call_4", "terminate", now, now.AddMinutes(1), "503", default);
        await Outbox.CompleteAsync(done, OutboxStatus.Done, null, default);

        Assert.Equal([first, second], (await Outbox.GetDueAsync(now, 10, default)).Select(o => o.Id));
        Assert.Equal([first], (await Outbox.GetDueAsync(now, 1, default)).Select(o => o.Id));
        Assert.Equal([later, first, second], (await Outbox.GetDueAsync(now.AddSeconds(10), 10, default)).Select(o => o.Id));
    }

    [SkippableFact]
    public async Task Reschedule_MovesTheNextAttempt_AndCountsIt()
    {
        var now = Time.GetUtcNow();
        var id = await Outbox.EnqueueAsync("call_1", "terminate", now, now.AddMinutes(1), "503", default);

        await Outbox.RescheduleAsync(id, now.AddSeconds(4), "502 " + new string('e', 2000), default);

        Assert.Empty(await Outbox.GetDueAsync(now.AddSeconds(3.999), 10, default));
        var row = Assert.Single(await Outbox.GetDueAsync(now.AddSeconds(4), 10, default));
        Assert.Equal(2, row.Attempts);
        Assert.Equal(now.AddSeconds(4), row.NextAttemptAt);
        Assert.Equal(1000, row.LastError!.Length); // truncated to the column
    }

    [SkippableFact]
    public async Task Complete_DoneOrDead_TakesTheActionOutOfTheQueue()
    {
        var now = Time.GetUtcNow();
        var done = await Outbox.EnqueueAsync("call_1", "terminate", now, now.AddMinutes(1), "503", default);
        var dead = await Outbox.EnqueueAsync("call_1", "accept", now, now.AddMinutes(1), "503", default);

        await Outbox.CompleteAsync(done, OutboxStatus.Done, null, default);
        await Outbox.CompleteAsync(dead, OutboxStatus.Dead, "deadline passed", default);

        Assert.Empty(await Outbox.GetDueAsync(now.AddHours(1), 10, default));
        var rows = await Outbox.ListAsync("call_1", default);
        Assert.Equal([(OutboxStatus.Done, 2, "503"), (OutboxStatus.Dead, 2, "deadline passed")], rows.Select(r => (r.Status, r.Attempts, r.LastError)));
    }

    [SkippableFact]
    public async Task Updates_OfAnUnknownAction_AreIgnored()
    {
        await Outbox.CompleteAsync(999, OutboxStatus.Done, null, default);
        await Outbox.RescheduleAsync(999, Time.GetUtcNow(), "x", default);
        Assert.Empty(await Outbox.GetDueAsync(Time.GetUtcNow().AddDays(1), 10, default));
    }

    [SkippableFact]
    public async Task Attempts_AreListedPerCallInTheOrderTheyWereWritten()
    {
        var at = Time.GetUtcNow();
        await Attempts.AppendAsync(
        [
            new SignalAttemptRecord { CallId = "call_1", Operation = "pre_accept", Attempt = 1, At = at, DurationMs = 120, Status = 200 },
            new SignalAttemptRecord { CallId = "call_2", Operation = "connect", Attempt = 1, At = at, DurationMs = 5000, Error = "timeout" },
            new SignalAttemptRecord { CallId = "call_1", Operation = "accept", Attempt = 1, At = at.AddMilliseconds(300), DurationMs = 80, Status = 503, Error = "unavailable" },
        ], default);
        await Attempts.AppendAsync([new SignalAttemptRecord { CallId = "call_1", Operation = "accept", Attempt = 2, At = at.AddSeconds(1), DurationMs = 90, Status = 200 }], default);

        var call1 = await Attempts.ListAsync("call_1", default);
        Assert.Equal([("pre_accept", 1, 200), ("accept", 1, 503), ("accept", 2, 200)], call1.Select(a => (a.Operation, a.Attempt, a.Status!.Value)));
        Assert.Equal(at.AddMilliseconds(300), call1[1].At);
        Assert.Equal("unavailable", call1[1].Error);
        var call2 = Assert.Single(await Attempts.ListAsync("call_2", default));
        Assert.Null(call2.Status);
        Assert.Equal(("timeout", 5000), (call2.Error, call2.DurationMs));
        Assert.Empty(await Attempts.ListAsync("call_3", default));
    }
}

public sealed class SqliteSignalStoreTests() : SignalStoreTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class PostgresSignalStoreTests(PostgresFixture postgres) : SignalStoreTests(new PostgresTestStorage(postgres));
