using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Media;
using CallGateway.Tests.Support;

namespace CallGateway.Tests;

/// <summary>Signed webhooks and REST requests drive calls end to end; asserts stored state and exact Graph requests.</summary>
public sealed class CallFlowTests : IDisposable
{
    private readonly GatewayFactory _gateway;
    private readonly HttpClient _client;

    public CallFlowTests()
    {
        _gateway = new GatewayFactory();
        _client = _gateway.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _gateway.Dispose();
    }

    [Fact]
    public async Task InboundCall_AutoAccept_PreAcceptsAcceptsAndConnects()
    {
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.UserConnect("wacid.IN1"));
        var call = await WaitForCallAsync("wacid.IN1", "Accepted");

        var answer = _gateway.Media.Sessions.Single().LocalSdp;
        var actions = _gateway.Graph.CallActions;
        Assert.Equal(["pre_accept", "accept"], actions.Select(a => a.Action));
        foreach (var request in actions)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal($"/v23.0/{GatewayFactory.PhoneNumberId}/calls", request.Path);
            Assert.Equal($"Bearer {GatewayFactory.AccessToken}", request.Authorization);
            Assert.Equal("whatsapp", request.Json.GetProperty("messaging_product").GetString());
            Assert.Equal("wacid.IN1", request.Json.GetProperty("call_id").GetString());
            Assert.Equal("answer", request.Json.GetProperty("session").GetProperty("sdp_type").GetString());
            Assert.Equal(answer, request.Json.GetProperty("session").GetProperty("sdp").GetString());
        }

        _gateway.Media.Sessions.Single().Report(MediaSessionState.Connected);
        call = await WaitForCallAsync("wacid.IN1", "Connected");
        Assert.Equal(TestWebhooks.UserNumber, call.GetProperty("peer").GetString());
        Assert.Equal("Inbound", call.GetProperty("direction").GetString());

        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Terminate("wacid.IN1", duration: 61));
        call = await WaitForCallAsync("wacid.IN1", "Terminated");
        Assert.Equal("Completed", call.GetProperty("endReason").GetString());
        Assert.Equal(61, call.GetProperty("durationSeconds").GetInt64());
        Assert.True(_gateway.Media.Sessions.Single().Disposed);

        var detail = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{call.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(["Ringing", "PreAccepted", "Accepted", "Connected", "Terminated"],
            detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task InboundCall_StartsWhenItsWebhookArrived_SoSetupTimeCountsFromMetasRequest()
    {
        var before = DateTimeOffset.UtcNow;
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.UserConnect("wacid.T0"));
        var after = DateTimeOffset.UtcNow;
        var call = await WaitForCallAsync("wacid.T0", "Accepted");

        JsonElement detail = default;
        await GatewayFactory.Eventually(async () =>
        {
            detail = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/api/calls/{call.GetProperty("id").GetString()}", UriKind.Relative));
            return detail.GetProperty("graphAttempts").EnumerateArray().Any(a => a.GetProperty("operation").GetString() == "calls/pre_accept");
        }, "the pre_accept attempt on the call's history");
        var created = detail.GetProperty("createdAt").GetDateTimeOffset();
        Assert.InRange(created, before.AddMilliseconds(-1), after); // stored in milliseconds
        var preAccept = detail.GetProperty("graphAttempts").EnumerateArray().First(a => a.GetProperty("operation").GetString() == "calls/pre_accept");
        Assert.InRange(preAccept.GetProperty("at").GetDateTimeOffset(), created, created.AddSeconds(10));
    }

    [Fact]
    public async Task InboundCall_TerminateBeforeConnect_NeverPreAccepts()
    {
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Terminate("wacid.EARLY"));
        await WaitForCallAsync("wacid.EARLY", "Terminated");
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.UserConnect("wacid.EARLY"));
        await GatewayFactory.Eventually(async () => await PendingInboxAsync() == 0, "the late connect to be handled");

        Assert.Empty(_gateway.Graph.CallActions);
        Assert.Empty(_gateway.Media.Sessions);
    }

    [Fact]
    public async Task OutboundCall_RingsIsAnsweredConnectsAndIsHungUp()
    {
        var response = await _client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "+14085551234", bizOpaqueCallbackData = "ticket-42" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var placed = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = placed.GetProperty("id").GetString()!;
        Assert.StartsWith("call_", id);
        Assert.Equal($"/api/calls/{id}", response.Headers.Location!.ToString());
        Assert.Equal("wacid.OUT1", placed.GetProperty("metaCallId").GetString());

        var connect = Assert.Single(_gateway.Graph.CallActions);
        Assert.Equal("{\"messaging_product\":\"whatsapp\",\"to\":\"14085551234\",\"action\":\"connect\",\"session\":{\"sdp_type\":\"offer\",\"sdp\":"
                     + JsonSerializer.Serialize(_gateway.Media.Sessions.Single().LocalSdp) + "},\"biz_opaque_callback_data\":\"ticket-42\"}", connect.Body);

        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Status("wacid.OUT1", "RINGING"));
        await WaitForCallAsync("wacid.OUT1", "Ringing");
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.BusinessConnect("wacid.OUT1"));
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Status("wacid.OUT1", "ACCEPTED"));
        await WaitForCallAsync("wacid.OUT1", "Accepted");
        Assert.StartsWith("v=0", _gateway.Media.Sessions.Single().RemoteAnswer);
        _gateway.Media.Sessions.Single().Report(MediaSessionState.Connected);
        await WaitForCallAsync("wacid.OUT1", "Connected");

        var hangup = await _client.PostAsync(new Uri($"/api/calls/{id}/hangup", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, hangup.StatusCode);
        var ended = await WaitForCallAsync("wacid.OUT1", "Terminated");
        Assert.Equal("HungUpByBusiness", ended.GetProperty("endReason").GetString());
        Assert.Equal(["connect", "terminate"], _gateway.Graph.Actions);
    }

    [Fact]
    public async Task OutboundCall_StatusBeforeConnectResponse_WaitsForTheCall()
    {
        // RINGING for a wacid nobody knows yet stays pending instead of being lost.
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Status("wacid.OUT1", "RINGING"));
        await Task.Delay(300);
        Assert.Equal(1, await PendingInboxAsync());

        var response = await _client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "14085551234" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForCallAsync("wacid.OUT1", "Ringing");
    }

    [Fact]
    public async Task OutboundCall_RejectedByUser_EndsTheCall()
    {
        await _client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "14085551234" });
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Status("wacid.OUT1", "REJECTED"));
        var call = await WaitForCallAsync("wacid.OUT1", "Terminated");
        Assert.Equal("RejectedByUser", call.GetProperty("endReason").GetString());
        Assert.True(_gateway.Media.Sessions.Single().Disposed);
    }

    [Fact]
    public async Task OutboundCall_MetaRefusesConnect_Returns422WithMetasCode()
    {
        _gateway.Graph.Failures["connect"] = (HttpStatusCode.BadRequest,
            "{\"error\":{\"message\":\"No approved call permission from the recipient\",\"type\":\"OAuthException\",\"code\":138006,\"fbtrace_id\":\"Ax1\"}}");
        var response = await _client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "14085551234" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(138006, problem.GetProperty("metaErrorCode").GetInt32());
        Assert.Contains("No approved call permission", problem.GetProperty("detail").GetString());
        Assert.Single(_gateway.Graph.CallActions); // never re-sent
    }

    [Fact]
    public async Task Hangup_OfAnEndedCall_Is409AndUnknownIs404()
    {
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Terminate("wacid.GONE"));
        var call = await WaitForCallAsync("wacid.GONE", "Terminated");

        var conflict = await _client.PostAsync(new Uri($"/api/calls/{call.GetProperty("id").GetString()}/hangup", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);

        var missing = await _client.PostAsync(new Uri("/api/calls/call_nope/hangup", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/api/calls/call_nope", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ListCalls_FiltersByStatus()
    {
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.Terminate("wacid.L1"));
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.UserConnect("wacid.L2"));
        await WaitForCallAsync("wacid.L2", "Accepted");
        await WaitForCallAsync("wacid.L1", "Terminated");

        var open = await _client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls?open=true", UriKind.Relative));
        Assert.Equal(["wacid.L2"], open.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("metaCallId").GetString()));
        var ended = await _client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls?status=Terminated", UriKind.Relative));
        Assert.Equal(["wacid.L1"], ended.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("metaCallId").GetString()));
    }

    [Fact]
    public async Task Logs_CarryTheCallIdAndNeverTheSecrets()
    {
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.UserConnect("wacid.LOG"));
        await WaitForCallAsync("wacid.LOG", "Accepted");
        await GatewayFactory.PostWebhookAsync(_client, TestWebhooks.UserConnect("wacid.LOG"), "sha256=" + new string('0', 64));

        var rendered = _gateway.Logs.Rendered().ToList();
        Assert.NotEmpty(rendered);
        foreach (var secret in new[] { GatewayFactory.AppSecret, GatewayFactory.AccessToken, GatewayFactory.VerifyToken })
        {
            Assert.DoesNotContain(rendered, line => line.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains(_gateway.Logs.Events, e => e.Properties.ContainsKey("CallId") && e.MessageTemplate.Text.Contains("PreAccepted", StringComparison.Ordinal) is false
            && e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("-> PreAccepted", StringComparison.Ordinal));
    }

    private async Task<JsonElement> WaitForCallAsync(string wacid, string status)
    {
        JsonElement found = default;
        await GatewayFactory.Eventually(async () =>
        {
            var list = await _client.GetFromJsonAsync<JsonElement>(new Uri("/api/calls?limit=100", UriKind.Relative));
            foreach (var call in list.GetProperty("items").EnumerateArray())
            {
                if (call.GetProperty("metaCallId").GetString() == wacid && call.GetProperty("status").GetString() == status)
                {
                    found = call;
                    return true;
                }
            }

            return false;
        }, $"{wacid} to be {status}");
        return found;
    }

    private async Task<int> PendingInboxAsync()
    {
        await using var db = _gateway.OpenDatabase();
        return db.Inbox.Count(m => m.Status == Persistence.Entities.InboxStatus.Pending);
    }
}
