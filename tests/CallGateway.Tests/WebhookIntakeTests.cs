using System.Net;
using System.Text;
using CallGateway.Meta.Webhooks;
using CallGateway.Persistence.Entities;
using CallGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Tests;

/// <summary>The webhook endpoint: handshake, signature, body limits, durable inbox and dedupe.</summary>
public sealed class WebhookIntakeTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Verify_MatchingToken_EchoesChallengeAsPlainText()
    {
        var client = _gateway.CreateClient();
        var response = await client.GetAsync(new Uri($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={GatewayFactory.VerifyToken}&hub.challenge=1158201444", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.verify_token=" + GatewayFactory.VerifyToken + "&hub.challenge=%3Cscript%3E")]
    [InlineData("hub.verify_token=" + GatewayFactory.VerifyToken + "&hub.challenge=1")]
    public async Task Verify_Otherwise_Is403(string query)
    {
        var response = await _gateway.CreateClient().GetAsync(new Uri("/webhooks/whatsapp?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnsignedForgedOrTruncated_Is401AndStoresNothing()
    {
        var client = _gateway.CreateClient();
        var body = TestWebhooks.UserConnect("wacid.FORGED");
        var bytes = Encoding.UTF8.GetBytes(body);
        string?[] signatures =
        [
            "", // unsigned (empty header)
            WebhookSignature.Compute(bytes, "not-the-app-secret"),
            WebhookSignature.Compute(bytes.AsSpan(0, bytes.Length - 2), GatewayFactory.AppSecret),
            "sha256=zz",
        ];
        foreach (var signature in signatures)
        {
            var response = await GatewayFactory.PostWebhookAsync(client, body, signature);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }

        using var noHeader = new StringContent(body, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/webhooks/whatsapp", UriKind.Relative), noHeader)).StatusCode);

        await using var db = _gateway.OpenDatabase();
        Assert.Equal(0, await db.Inbox.CountAsync());
        Assert.Equal(0, await db.Calls.CountAsync());
        Assert.Empty(_gateway.Graph.Requests);
    }

    [Fact]
    public async Task Post_SignedButMalformedJson_Is400ProblemJson()
    {
        var response = await GatewayFactory.PostWebhookAsync(_gateway.CreateClient(), "{\"object\":\"whatsapp_business_account\",\"entry\":[");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Malformed webhook", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_TooLarge_Is413()
    {
        var body = "{\"pad\":\"" + new string('x', 4 * 1024 * 1024) + "\"}";
        var response = await GatewayFactory.PostWebhookAsync(_gateway.CreateClient(), body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ValidConnect_IsStoredBeforeTheAcknowledgement()
    {
        var response = await GatewayFactory.PostWebhookAsync(_gateway.CreateClient(), TestWebhooks.UserConnect("wacid.STORED"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = _gateway.OpenDatabase();
        var row = await db.Inbox.SingleAsync();
        Assert.Equal("call:wacid.STORED:connect", row.DedupeKey);
        Assert.Equal("wacid.STORED", row.MetaCallId);
    }

    [Fact]
    public async Task Post_ReplayedTenTimesAlsoConcurrently_IsOneEventAndOnePreAccept()
    {
        var client = _gateway.CreateClient();
        var body = TestWebhooks.UserConnect("wacid.REPLAY");
        var first = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => GatewayFactory.PostWebhookAsync(client, body)));
        for (var i = 0; i < 5; i++)
        {
            first = [.. first, await GatewayFactory.PostWebhookAsync(client, body)];
        }

        Assert.All(first, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await GatewayFactory.Eventually(async () =>
        {
            await using var db = _gateway.OpenDatabase();
            return await db.Inbox.AnyAsync(m => m.Status == InboxStatus.Processed);
        }, "the connect to be processed");

        await using var check = _gateway.OpenDatabase();
        Assert.Equal(1, await check.Inbox.CountAsync());
        Assert.Equal(1, await check.Calls.CountAsync());
        Assert.Single(_gateway.Graph.CallActions, r => r.Action == "pre_accept");
    }

    [Fact]
    public async Task Post_SeveralEventsInOnePayload_AreAllStored()
    {
        var client = _gateway.CreateClient();
        var a = TestWebhooks.Status("wacid.M1", "RINGING");
        var b = TestWebhooks.Terminate("wacid.M2");
        var change = (string s) => s[(s.IndexOf("\"changes\":[", StringComparison.Ordinal) + 11)..s.LastIndexOf("]}]}", StringComparison.Ordinal)];
        var body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[" + change(a) + "," + change(b) + "]}]}";

        Assert.Equal(HttpStatusCode.OK, (await GatewayFactory.PostWebhookAsync(client, body)).StatusCode);
        await using var db = _gateway.OpenDatabase();
        Assert.Equal(["call:wacid.M1:status:RINGING", "call:wacid.M2:terminate"], await db.Inbox.OrderBy(m => m.Id).Select(m => m.DedupeKey).ToListAsync());
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        var client = _gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Swagger_DocumentsTheCallsApi()
    {
        var client = _gateway.CreateClient();
        var doc = await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        Assert.Contains("\"/api/calls\"", doc);
        Assert.Contains("\"/api/calls/{id}/hangup\"", doc);
        Assert.DoesNotContain("/webhooks/whatsapp", doc);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative))).StatusCode);
    }
}
