using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Media;
using CallGateway.Persistence.Entities;
using CallGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Tests;

/// <summary>Nothing is lost: the inbox across restarts, the outbox through Graph outages, calls across crashes and shutdowns.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cg-durable-").FullName;

    private string Database => Path.Combine(_dir, "gateway.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task InboxRowsCommittedBeforeACrash_AreProcessedAfterRestart()
    {
        // A webhook was acknowledged (row committed) but the process died before handling it.
        await using (var db = new Persistence.SqliteGatewayDbContext(new DbContextOptionsBuilder<Persistence.SqliteGatewayDbContext>().UseSqlite($"Data Source={Database}").Options))
        {
            await db.Database.MigrateAsync();
            db.Inbox.Add(new InboxMessage
            {
                DedupeKey = "call:wacid.CRASH:terminate",
                Kind = "terminate",
                MetaCallId = "wacid.CRASH",
                Payload = "{\"kind\":\"terminate\",\"call_id\":\"wacid.CRASH\",\"direction\":\"USER_INITIATED\",\"status\":\"COMPLETED\",\"errors\":[],\"timestamp\":1}",
                ReceivedAt = DateTimeOffset.UtcNow,
                Status = InboxStatus.Pending,
            });
            await db.SaveChangesAsync();
        }

        using var restarted = new GatewayFactory(databasePath: Database);
        _ = restarted.CreateClient();
        await GatewayFactory.Eventually(async () =>
        {
            await using var db = restarted.OpenDatabase();
            return await db.Calls.AnyAsync(c => c.MetaCallId == "wacid.CRASH" && c.Status == "Terminated");
        }, "the pending terminate to be processed after restart");
    }

    [Fact]
    public async Task DuplicateDeliveries_AcrossARestartAndInAnyOrder_GiveOneTransitionEach()
    {
        var connect = TestWebhooks.UserConnect("wacid.DUP");
        var terminate = TestWebhooks.Terminate("wacid.DUP", duration: 7);
        using (var first = new GatewayFactory(databasePath: Database))
        {
            var client = first.CreateClient();
            // Each event 10 times in all: 5 deliveries of each before the restart, in a shuffled order, some at once.
            var random = new Random(7);
            var before = Enumerable.Repeat(connect, 5).Concat(Enumerable.Repeat(terminate, 5)).OrderBy(_ => random.Next()).ToList();
            Assert.All(await Task.WhenAll(before.Take(4).Select(body => GatewayFactory.PostWebhookAsync(client, body))),
                r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            foreach (var body in before.Skip(4))
            {
                Assert.Equal(HttpStatusCode.OK, (await GatewayFactory.PostWebhookAsync(client, body)).StatusCode);
            }

            await GatewayFactory.Eventually(async () => await CallStatusAsync(first, "wacid.DUP") == "Terminated", "the call to end");
        }

        using var second = new GatewayFactory(databasePath: Database);
        var again = second.CreateClient();
        var shuffle = new Random(11);
        var after = Enumerable.Repeat(terminate, 5).Concat(Enumerable.Repeat(connect, 5)).OrderBy(_ => shuffle.Next()).ToList();
        foreach (var body in after)
        {
            Assert.Equal(HttpStatusCode.OK, (await GatewayFactory.PostWebhookAsync(again, body)).StatusCode);
        }

        await using var db = second.OpenDatabase();
        Assert.Equal(2, await db.Inbox.CountAsync());
        var call = await db.Calls.SingleAsync();
        var history = await db.CallTransitions.Where(t => t.CallId == call.Id).Select(t => t.To).ToListAsync();
        Assert.Equal(history.Distinct().Count(), history.Count); // no status entered twice
        Assert.Equal(1, history.Count(h => h == "Terminated"));
    }

    [Fact]
    public async Task TerminateDuringAGraphOutage_IsRetriedByTheOutboxUntilMetaConfirms()
    {
        using var gateway = new GatewayFactory();
        var client = gateway.CreateClient();
        var id = await ConnectInboundAsync(gateway, client, "wacid.OUTAGE");
        gateway.Graph.Outages["terminate"] = (HttpStatusCode.ServiceUnavailable, 4); // 3 inline tries fail, then one outbox retry

        var hangup = await client.PostAsync(new Uri($"/api/calls/{id}/hangup", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, hangup.StatusCode);
        var during = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative));
        Assert.Equal("Terminating", during.GetProperty("status").GetString());

        await GatewayFactory.Eventually(async () => await CallStatusAsync(gateway, "wacid.OUTAGE") == "Terminated", "the outbox to get the terminate through", 15_000);
        var call = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative));
        Assert.Equal("HungUpByBusiness", call.GetProperty("endReason").GetString());
        await GatewayFactory.Eventually(async () =>
        {
            var attempts = (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative))).GetProperty("graphAttempts");
            return attempts.EnumerateArray().Count(a => a.GetProperty("operation").GetString() == "calls/terminate") == 5;
        }, "five terminate attempts on the call's history");
        Assert.Equal(5, gateway.Graph.Actions.Count(a => a == "terminate"));
    }

    [Fact]
    public async Task AcceptTimingOut_IsRetriedAndTheCallStillConnects()
    {
        using var gateway = new GatewayFactory();
        var client = gateway.CreateClient();
        gateway.Graph.Outages["accept"] = (HttpStatusCode.BadGateway, 3);
        await GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect("wacid.SLOWACCEPT"));

        await GatewayFactory.Eventually(async () => await CallStatusAsync(gateway, "wacid.SLOWACCEPT") == "Accepted", "the accept to get through", 15_000);
        Assert.Equal(["pre_accept", "accept", "accept", "accept", "accept"], gateway.Graph.Actions);
    }

    [Fact]
    public async Task ConnectIsNeverRetried_EvenDuringAnOutage()
    {
        using var gateway = new GatewayFactory();
        gateway.Graph.Outages["connect"] = (HttpStatusCode.ServiceUnavailable, 10);
        var response = await gateway.CreateClient().PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "14085551234" });
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(["connect"], gateway.Graph.Actions);
        await using var db = gateway.OpenDatabase();
        Assert.Empty(await db.SignalOutbox.ToListAsync());
    }

    [Fact]
    public async Task OutboxRowsSurviveARestart()
    {
        string id;
        using (var first = new GatewayFactory(databasePath: Database, crashOnStop: true))
        {
            var client = first.CreateClient();
            id = await ConnectInboundAsync(first, client, "wacid.SURVIVE");
            first.Graph.Outages["terminate"] = (HttpStatusCode.ServiceUnavailable, 1000);
            await client.PostAsync(new Uri($"/api/calls/{id}/hangup", UriKind.Relative), null);
            await using var db = first.OpenDatabase();
            Assert.Equal(OutboxStatus.Pending, (await db.SignalOutbox.SingleAsync()).Status);
        }

        using var second = new GatewayFactory(databasePath: Database);
        var again = second.CreateClient();
        await GatewayFactory.Eventually(async () => await CallStatusAsync(second, "wacid.SURVIVE") == "Terminated", "the outbox to finish after restart", 15_000);
        Assert.Contains("terminate", second.Graph.Actions);
    }

    [Fact]
    public async Task GracefulShutdown_EndsLiveCallsThroughTheApi()
    {
        string id;
        var gateway = new GatewayFactory(databasePath: Database);
        var client = gateway.CreateClient();
        id = await ConnectInboundAsync(gateway, client, "wacid.DRAIN");
        var graph = gateway.Graph;
        gateway.Dispose(); // SIGTERM: the host stops

        Assert.Contains("terminate", graph.Actions);
        using var after = new GatewayFactory(databasePath: Database);
        var call = await after.CreateClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative));
        Assert.Equal("Terminated", call.GetProperty("status").GetString());
        Assert.Equal("GatewayShutdown", call.GetProperty("endReason").GetString());
        Assert.Empty(after.Graph.Actions); // nothing left to recover
    }

    [Fact]
    public async Task CallsLeftOpenByACrash_AreTerminatedAtTheNextStart()
    {
        string id;
        using (var crashed = new GatewayFactory(databasePath: Database, crashOnStop: true))
        {
            id = await ConnectInboundAsync(crashed, crashed.CreateClient(), "wacid.ORPHAN");
        }

        using var restarted = new GatewayFactory(databasePath: Database);
        var client = restarted.CreateClient();
        await GatewayFactory.Eventually(async () => await CallStatusAsync(restarted, "wacid.ORPHAN") == "Terminated", "the orphan to be closed");
        Assert.Equal(["terminate"], restarted.Graph.Actions);
        var call = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{id}", UriKind.Relative));
        Assert.Equal("GatewayShutdown", call.GetProperty("endReason").GetString());
        Assert.Contains("restarted", call.GetProperty("lastError").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> ConnectInboundAsync(GatewayFactory gateway, HttpClient client, string wacid)
    {
        await GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect(wacid));
        await GatewayFactory.Eventually(async () => await CallStatusAsync(gateway, wacid) == "Accepted", $"{wacid} to be accepted");
        gateway.Media.Sessions.Last().Report(MediaSessionState.Connected);
        await GatewayFactory.Eventually(async () => await CallStatusAsync(gateway, wacid) == "Connected", $"{wacid} to connect");
        await using var db = gateway.OpenDatabase();
        return (await db.Calls.SingleAsync(c => c.MetaCallId == wacid)).Id;
    }

    private static async Task<string?> CallStatusAsync(GatewayFactory gateway, string wacid)
    {
        await using var db = gateway.OpenDatabase();
        return await db.Calls.Where(c => c.MetaCallId == wacid).Select(c => c.Status).FirstOrDefaultAsync();
    }
}
