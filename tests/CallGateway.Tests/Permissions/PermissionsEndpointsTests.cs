using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Tests.Settings;
using CallGateway.Tests.Support;

namespace CallGateway.Tests.Permissions;

/// <summary>/api/permissions against a scripted Graph: the look-up, its cache and rate limit, and the request message.</summary>
public sealed class PermissionsEndpointsTests : IDisposable
{
    private const string User = "14085551234";

    // The call_permissions sample of calling-api-reference.txt (trailing commas and brackets repaired).
    private const string MetaSample = """
        {"messaging_product":"whatsapp","permission":{"status":"temporary","expiration_time":1745343479},
         "actions":[{"action_name":"send_call_permission_request","can_perform_action":true,"limits":[{"time_period":"PT24H","max_allowed":1,"current_usage":0},{"time_period":"P7D","max_allowed":2,"current_usage":1}]},
                    {"action_name":"start_call","can_perform_action":false,"limits":[{"time_period":"PT24H","max_allowed":5,"current_usage":5,"limit_expiration_time":1745622600}]}]}
        """;

    private readonly ScriptedGateway _scripted = new();

    public void Dispose() => _scripted.Dispose();

    [Fact]
    public async Task Get_ProxiesMetasStateAndLimits()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK, MetaSample);

        var permission = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/permissions/+{User}", UriKind.Relative));

        var request = Assert.Single(_scripted.Graph.Requests);
        Assert.Equal($"/v23.0/{GatewayFactory.PhoneNumberId}/call_permissions", request.Path);
        Assert.Equal($"?user_wa_id={User}", request.Query);
        Assert.Equal(User, permission.GetProperty("waId").GetString());
        Assert.Equal("expired", permission.GetProperty("status").GetString()); // the sample's expiry is in April 2025
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1745343479), permission.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.False(permission.GetProperty("canStartCall").GetBoolean());
        Assert.True(permission.GetProperty("canSendPermissionRequest").GetBoolean());
        var startCall = permission.GetProperty("actions")[1];
        Assert.Equal("start_call", startCall.GetProperty("actionName").GetString());
        var limit = startCall.GetProperty("limits")[0];
        Assert.Equal("PT24H", limit.GetProperty("timePeriod").GetString());
        Assert.Equal(5, limit.GetProperty("currentUsage").GetInt32());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1745622600), limit.GetProperty("limitExpiresAt").GetDateTimeOffset());
        Assert.False(permission.GetProperty("cached").GetBoolean());
        Assert.Equal("call_permissions", permission.GetProperty("stored").GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Get_IsReusedBriefly()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK, MetaSample);

        await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/permissions/{User}", UriKind.Relative));
        var second = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/permissions/{User}", UriKind.Relative));

        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Single(_scripted.Graph.To("GET call_permissions"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0408555123")]
    [InlineData("1234567890123456")]
    public async Task Get_NotANumber_Is400(string waId)
    {
        var response = await _scripted.Client.GetAsync(new Uri($"/api/permissions/{waId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("WaId", out _));
        Assert.Empty(_scripted.Graph.Requests);
    }

    [Fact]
    public async Task Get_MetaRefuses_Is422WithMetasCode()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.BadRequest,
            """{"error":{"message":"Calling is not enabled for the business phone number","type":"OAuthException","code":138000,"fbtrace_id":"Fb1"}}""");

        var response = await _scripted.Client.GetAsync(new Uri($"/api/permissions/{User}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(138000, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metaErrorCode").GetInt32());
    }

    [Fact]
    public async Task Get_OverTheRateLimitWithAFullLine_Is429WithRetryAfter()
    {
        using var strict = new ScriptedGateway(new Dictionary<string, string?>
        {
            ["Permissions:GraphRequestLimit"] = "1",
            ["Permissions:GraphRequestWindowMilliseconds"] = "3600000",
            ["Permissions:GraphRequestQueueLimit"] = "0",
        });
        strict.Graph.Respond("GET call_permissions", HttpStatusCode.OK, MetaSample);

        var first = await strict.Client.GetAsync(new Uri("/api/permissions/14085550001", UriKind.Relative));
        var second = await strict.Client.GetAsync(new Uri("/api/permissions/14085550002", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Single(strict.Graph.To("GET call_permissions"));
    }

    [Fact]
    public async Task Get_OverTheRateLimit_WaitsItsTurn()
    {
        using var queued = new ScriptedGateway(new Dictionary<string, string?>
        {
            ["Permissions:GraphRequestLimit"] = "2",
            ["Permissions:GraphRequestQueueLimit"] = "10",
        });
        queued.Graph.Respond("GET call_permissions", HttpStatusCode.OK, MetaSample);

        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            queued.Client.GetAsync(new Uri($"/api/permissions/140855500{i:00}", UriKind.Relative)))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(5, queued.Graph.To("GET call_permissions").Count);
    }

    [Fact]
    public async Task Request_SendsTheInteractiveMessageWithTheConfiguredText()
    {
        _scripted.Graph.Respond("POST messages", HttpStatusCode.OK,
            $$"""{"messaging_product":"whatsapp","contacts":[{"input":"{{User}}","wa_id":"{{User}}"}],"messages":[{"id":"wamid.REQ1"}]}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri($"/api/permissions/{User}/request", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("wamid.REQ1", body.GetProperty("messageId").GetString());
        var sent = Assert.Single(_scripted.Graph.To("POST messages")).Json;
        Assert.Equal("individual", sent.GetProperty("recipient_type").GetString());
        Assert.Equal(User, sent.GetProperty("to").GetString());
        Assert.Equal("call_permission_request", sent.GetProperty("interactive").GetProperty("action").GetProperty("name").GetString());
        Assert.Equal(new CallGateway.Permissions.PermissionsOptions().DefaultRequestText,
            sent.GetProperty("interactive").GetProperty("body").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Request_WithItsOwnText()
    {
        _scripted.Graph.Respond("POST messages", HttpStatusCode.OK, """{"messages":[{"id":"wamid.REQ2"}]}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri($"/api/permissions/{User}/request", UriKind.Relative), new { bodyText = "Your order is ready: may we call you?" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Your order is ready: may we call you?",
            Assert.Single(_scripted.Graph.To("POST messages")).Json.GetProperty("interactive").GetProperty("body").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Request_MetasLimit_Is422With138009()
    {
        _scripted.Graph.Respond("POST messages", HttpStatusCode.BadRequest,
            """{"error":{"message":"Call permission request limit reached","type":"OAuthException","code":138009,"fbtrace_id":"Fb2"}}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri($"/api/permissions/{User}/request", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(138009, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metaErrorCode").GetInt32());
    }

    [Fact]
    public async Task Request_TextTooLong_Is400AndNothingIsSent()
    {
        var response = await _scripted.Client.PostAsJsonAsync(new Uri($"/api/permissions/{User}/request", UriKind.Relative), new { bodyText = new string('x', 1025) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("BodyText", out _));
        Assert.Empty(_scripted.Graph.Requests);
    }

    internal static string Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
