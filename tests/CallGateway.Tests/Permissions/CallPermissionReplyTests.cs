using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Persistence.Entities;
using CallGateway.TestSupport;
using CallGateway.Tests.Settings;
using CallGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.Tests.Permissions;

/// <summary>call_permission_reply webhooks reach the call_permissions table through the inbox.</summary>
public sealed class CallPermissionReplyTests : IDisposable
{
    private const string User = "14085551234";
    private readonly ScriptedGateway _scripted = new();

    public void Dispose() => _scripted.Dispose();

    [Fact]
    public async Task AcceptedReply_IsStoredAsTemporaryWithItsExpiry()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds();
        var response = await PostReplyAsync("wamid.R1", "accept", permanent: false, expires, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var row = await WaitForRowAsync(r => r.Response == "accept");
        Assert.Equal("temporary", row.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expires), row.ExpiresAt);
        Assert.Equal("call_permission_reply", row.Origin);
        Assert.Equal("user_action", row.ResponseSource);
        Assert.Equal("wamid.R1", row.ReplyMessageId);
        Assert.Equal("wacid.gBGGFlaCmZ9plHrf2Mh-o", row.ContextId);
        await using var db = Db();
        var inbox = await db.Inbox.SingleAsync(m => m.DedupeKey == "message:wamid.R1");
        Assert.Equal("call permission temporary (user_action)", inbox.Outcome);
    }

    [Fact]
    public async Task PermanentReply_HasNoExpiry_AndShowsInTheLookUp()
    {
        await PostReplyAsync("wamid.R2", "accept", permanent: true, null, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var row = await WaitForRowAsync(r => r.Response == "accept");
        Assert.Equal("permanent", row.Status);
        Assert.Null(row.ExpiresAt);

        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK, """{"permission":{"status":"permanent"},"actions":[]}""");
        var permission = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/permissions/{User}", UriKind.Relative));
        Assert.Equal("permanent", permission.GetProperty("stored").GetProperty("status").GetString());
        Assert.Equal("accept", permission.GetProperty("stored").GetProperty("response").GetString());
    }

    [Fact]
    public async Task OlderReplyArrivingLate_DoesNotOverwriteTheNewerOne()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await PostReplyAsync("wamid.NEW", "reject", permanent: false, null, now);
        await WaitForRowAsync(r => r.ReplyMessageId == "wamid.NEW");

        await PostReplyAsync("wamid.OLD", "accept", permanent: false, now + 3600, now - 600);
        await GatewayFactory.Eventually(async () =>
        {
            await using var db = Db();
            return await db.Inbox.AnyAsync(m => m.DedupeKey == "message:wamid.OLD" && m.Outcome != null);
        }, "the older reply to be processed");

        await using var check = Db();
        var row = await check.CallPermissions.SingleAsync(p => p.WaId == User);
        Assert.Equal("no_permission", row.Status);
        Assert.Equal("wamid.NEW", row.ReplyMessageId);
    }

    [Fact]
    public async Task Reply_DropsTheCachedLookUp()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK, """{"permission":{"status":"no_permission"},"actions":[]}""");
        await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/permissions/{User}", UriKind.Relative));

        await PostReplyAsync("wamid.R3", "accept", permanent: false, DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await WaitForRowAsync(r => r.Response == "accept");
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK, """{"permission":{"status":"temporary"},"actions":[]}""");
        var permission = await _scripted.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/permissions/{User}", UriKind.Relative));

        Assert.False(permission.GetProperty("cached").GetBoolean());
        Assert.Equal("temporary", permission.GetProperty("status").GetString());
    }

    private Task<HttpResponseMessage> PostReplyAsync(string messageId, string response, bool permanent, long? expires, long timestamp)
    {
        var body = WebhookFixtures.Load("permission-reply.json", new Dictionary<string, string>
        {
            ["USER_NUMBER"] = User,
            ["MESSAGE_ID"] = messageId,
            ["TIMESTAMP"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["RESPONSE"] = response,
            ["IS_PERMANENT"] = permanent ? "true" : "false",
            ["EXPIRATION"] = (expires ?? timestamp).ToString(CultureInfo.InvariantCulture),
        });
        return GatewayFactory.PostWebhookAsync(_scripted.Client, body);
    }

    private async Task<CallPermissionRecord> WaitForRowAsync(Func<CallPermissionRecord, bool> condition)
    {
        CallPermissionRecord? found = null;
        await GatewayFactory.Eventually(async () =>
        {
            await using var db = Db();
            found = await db.CallPermissions.AsNoTracking().FirstOrDefaultAsync(p => p.WaId == User);
            return found is not null && condition(found);
        }, "the stored permission");
        return found!;
    }

    private CallGateway.Persistence.GatewayDbContext Db() =>
        _scripted.App.Services.GetRequiredService<IDbContextFactory<CallGateway.Persistence.GatewayDbContext>>().CreateDbContext();
}
