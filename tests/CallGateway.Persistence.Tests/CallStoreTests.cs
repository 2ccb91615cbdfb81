using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Persistence.Tests;

/// <summary>Call records and their history (<see cref="EfCallStore"/>), on every provider.</summary>
public abstract class CallStoreTests(ITestStorage storage) : StorageTestBase(storage)
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 9, 30, 15, 456, TimeSpan.Zero);

    private ICallStore Store => Get<ICallStore>();

    [SkippableFact]
    public async Task Save_ThenGet_RoundTripsEveryField()
    {
        var call = new CallState
        {
            Id = "call_full",
            Direction = CallDirection.Inbound,
            Status = CallStatus.Terminated,
            MetaCallId = "wacid.HBgLMTIxODU1NTA0ODAVAgARGBI",
            Peer = "14085551234",
            BusinessNumber = "16505550100",
            BizOpaqueCallbackData = "crm:ticket=42;ü",
            CreatedAt = T0,
            UpdatedAt = T0.AddSeconds(40),
            RingingAt = T0.AddSeconds(1),
            AcceptedAt = T0.AddSeconds(2),
            ConnectedAt = T0.AddSeconds(3),
            EndedAt = T0.AddSeconds(40),
            DurationSeconds = 37,
            EndReason = CallEndReason.RejectedByUser,
            MetaTerminateStatus = "COMPLETED",
            LastError = "Graph said no",
            LastErrorCode = 138006,
            LocalSdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n",
            RemoteSdp = "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\n",
            MediaConnected = true,
            RemoteAnswerApplied = true,
            TransitionCount = 7,
        };

        await Store.SaveAsync(call, null, default);

        Assert.Equal(call, await Store.GetAsync("call_full", default));
        Assert.Equal(call, await Store.FindByMetaCallIdAsync("wacid.HBgLMTIxODU1NTA0ODAVAgARGBI", default));
    }

    [SkippableFact]
    public async Task Save_MinimalCall_KeepsNulls()
    {
        var call = new CallState { Id = "call_min", Direction = CallDirection.Outbound, CreatedAt = T0 };

        await Store.SaveAsync(call, null, default);

        var loaded = await Store.GetAsync("call_min", default);
        Assert.Equal(call, loaded);
        Assert.Null(loaded!.EndReason);
        Assert.Null(loaded.ConnectedAt);
    }

    [SkippableFact]
    public async Task Get_UnknownIds_ReturnNull()
    {
        Assert.Null(await Store.GetAsync("call_nope", default));
        Assert.Null(await Store.FindByMetaCallIdAsync("wacid.nope", default));
        Assert.Empty(await Store.GetHistoryAsync("call_nope", default));
    }

    [SkippableFact]
    public async Task Save_Again_UpdatesTheRowAndAppendsHistoryInOrder()
    {
        var call = new CallState { Id = "call_h", Direction = CallDirection.Inbound, CreatedAt = T0, MetaCallId = "wacid.H" };
        await Store.SaveAsync(call, null, default);

        var statuses = new[] { CallStatus.Ringing, CallStatus.PreAccepted, CallStatus.Accepted, CallStatus.Connected, CallStatus.Terminated };
        var from = CallStatus.New;
        for (var i = 0; i < statuses.Length; i++)
        {
            call = call with { Status = statuses[i], TransitionCount = i + 1, UpdatedAt = T0.AddSeconds(i + 1) };
            await Store.SaveAsync(call, new CallTransition(i + 1, T0.AddSeconds(i + 1), from, statuses[i], "test" + i, i == 4 ? "hung up" : null), default);
            from = statuses[i];
        }

        var loaded = await Store.GetAsync("call_h", default);
        Assert.Equal(CallStatus.Terminated, loaded!.Status);
        Assert.Equal(5, loaded.TransitionCount);
        var history = await Store.GetHistoryAsync("call_h", default);
        Assert.Equal([1, 2, 3, 4, 5], history.Select(t => t.Sequence));
        Assert.Equal(statuses, history.Select(t => t.To));
        Assert.Equal(CallStatus.New, history[0].From);
        Assert.Equal(T0.AddSeconds(5), history[4].At);
        Assert.Equal("hung up", history[4].Detail);
        Assert.Null(history[0].Detail);
    }

    [SkippableFact]
    public async Task Save_TheSameTransitionTwice_IsRefused_AndTheCallRowIsNotChanged()
    {
        var call = new CallState { Id = "call_dup", Direction = CallDirection.Inbound, CreatedAt = T0 };
        await Store.SaveAsync(call with { Status = CallStatus.Ringing, TransitionCount = 1 }, new CallTransition(1, T0, CallStatus.New, CallStatus.Ringing, "connect", null), default);

        // (call, sequence) is unique: a replayed transition fails, and with it the whole save (one transaction).
        await Assert.ThrowsAsync<DbUpdateException>(() => Store.SaveAsync(
            call with { Status = CallStatus.Terminated, TransitionCount = 1 }, new CallTransition(1, T0, CallStatus.New, CallStatus.Terminated, "terminate", null), default));

        Assert.Equal(CallStatus.Ringing, (await Store.GetAsync("call_dup", default))!.Status);
        Assert.Single(await Store.GetHistoryAsync("call_dup", default));
    }

    [SkippableFact]
    public async Task MetaCallId_IsUnique_ButManyCallsMayHaveNone()
    {
        await Store.SaveAsync(new CallState { Id = "call_a", Direction = CallDirection.Outbound, CreatedAt = T0 }, null, default);
        await Store.SaveAsync(new CallState { Id = "call_b", Direction = CallDirection.Outbound, CreatedAt = T0 }, null, default);
        await Store.SaveAsync(new CallState { Id = "call_c", Direction = CallDirection.Inbound, CreatedAt = T0, MetaCallId = "wacid.SAME" }, null, default);

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            Store.SaveAsync(new CallState { Id = "call_d", Direction = CallDirection.Inbound, CreatedAt = T0, MetaCallId = "wacid.SAME" }, null, default));
        Assert.Equal(3, (await Store.ListAsync(new CallQuery(), default)).Count);
    }

    [SkippableFact]
    public async Task List_FiltersAndOrdersNewestFirst()
    {
        var calls = new[]
        {
            new CallState { Id = "call_1", Direction = CallDirection.Inbound, Status = CallStatus.Terminated, CreatedAt = T0.AddMinutes(1) },
            new CallState { Id = "call_2", Direction = CallDirection.Outbound, Status = CallStatus.Ringing, CreatedAt = T0.AddMinutes(2) },
            new CallState { Id = "call_3", Direction = CallDirection.Inbound, Status = CallStatus.Connected, CreatedAt = T0.AddMinutes(3) },
            new CallState { Id = "call_4a", Direction = CallDirection.Outbound, Status = CallStatus.Terminated, CreatedAt = T0.AddMinutes(4) },
            new CallState { Id = "call_4b", Direction = CallDirection.Inbound, Status = CallStatus.Connected, CreatedAt = T0.AddMinutes(4) },
        };
        foreach (var call in calls)
        {
            await Store.SaveAsync(call, null, default);
        }

        async Task<string[]> Ids(CallQuery query) => [.. (await Store.ListAsync(query, default)).Select(c => c.Id)];

        Assert.Equal(["call_4b", "call_4a", "call_3", "call_2", "call_1"], await Ids(new CallQuery())); // ties: id descending
        Assert.Equal(["call_4a", "call_1"], await Ids(new CallQuery(Status: CallStatus.Terminated)));
        Assert.Equal(["call_4a", "call_2"], await Ids(new CallQuery(Direction: CallDirection.Outbound)));
        Assert.Equal(["call_4b", "call_3", "call_2"], await Ids(new CallQuery(OpenOnly: true)));
        Assert.Equal(["call_4b", "call_3"], await Ids(new CallQuery(Direction: CallDirection.Inbound, OpenOnly: true)));
        Assert.Equal(["call_2", "call_1"], await Ids(new CallQuery(Before: T0.AddMinutes(3))));
        Assert.Equal(["call_4b", "call_4a"], await Ids(new CallQuery(Limit: 2)));
        Assert.Equal(["call_4b"], await Ids(new CallQuery(Limit: 0))); // clamped to at least one
    }
}

public sealed class SqliteCallStoreTests() : CallStoreTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class PostgresCallStoreTests(PostgresFixture postgres) : CallStoreTests(new PostgresTestStorage(postgres));
