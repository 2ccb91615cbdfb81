using System.Net;
using CallGateway.EndToEnd.Tests.Support;
using CallGateway.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.EndToEnd.Tests;

/// <summary>Meta retries, duplicates and reorders webhooks: calls must come out the same.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task DuplicatedAndReorderedDeliveries_StillGiveOneCorrectCallEach()
    {
        using var gateway = new SandboxGateway(new() { ["Sandbox:DuplicateDeliveries"] = "true", ["Sandbox:OutOfOrderDeliveries"] = "true" });
        var inbound = (await gateway.PostJsonAsync("/sandbox/users/15551230301/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        gateway.Webhooks.Flush();
        await gateway.WaitForGatewayCallAsync(inbound, "Connected");
        var outbound = (await gateway.PostJsonAsync("/api/calls", new { to = "14085550301" }, HttpStatusCode.Accepted)).GetProperty("metaCallId").GetString()!;
        await Eventually.HoldsAsync(async () =>
        {
            gateway.Webhooks.Flush();
            var call = await gateway.GetJsonAsync("/api/calls?limit=10");
            return call.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("metaCallId").GetString() == outbound && c.GetProperty("status").GetString() == "Connected");
        }, "the outbound call to connect");

        await gateway.PostJsonAsync($"/sandbox/calls/{inbound}/hangup", null, HttpStatusCode.Accepted);
        await gateway.PostJsonAsync($"/sandbox/calls/{outbound}/hangup", null, HttpStatusCode.Accepted);
        await Eventually.HoldsAsync(async () =>
        {
            gateway.Webhooks.Flush();
            var calls = (await gateway.GetJsonAsync("/api/calls?status=Terminated")).GetProperty("items");
            return calls.GetArrayLength() == 2;
        }, "both calls to end");

        Assert.Equal(["pre_accept", "accept"], gateway.GraphActionsFor(inbound));
        Assert.Equal(["connect"], gateway.GraphActionsFor(outbound));
        var deliveries = gateway.Webhooks.Log;
        Assert.Contains(deliveries, d => d.Duplicate && d.Delivered);

        await using var db = gateway.Services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContext();
        var stored = await db.Inbox.CountAsync();
        Assert.Equal(deliveries.Count(d => !d.Duplicate), stored); // each event stored once, however often delivered
        Assert.Equal(2, await db.Calls.CountAsync());
    }
}
