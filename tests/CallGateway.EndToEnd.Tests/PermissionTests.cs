using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.EndToEnd.Tests.Support;

namespace CallGateway.EndToEnd.Tests;

/// <summary>Call permissions end to end: Meta's state, the request message and its reply webhook, and the check before dialing.</summary>
public sealed class PermissionTests
{
    [Fact]
    public async Task Permission_OfADefaultUser_AllowsCalls()
    {
        using var gateway = new SandboxGateway();

        var permission = await gateway.GetJsonAsync("/api/permissions/14085550301");

        Assert.Equal("temporary", permission.GetProperty("status").GetString());
        Assert.True(permission.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        Assert.True(permission.GetProperty("canStartCall").GetBoolean());
        Assert.True(permission.GetProperty("canSendPermissionRequest").GetBoolean());
        Assert.Contains(gateway.GraphRequests.Entries, e => e.Action == "call_permissions" && e.Status == 200);
    }

    [Fact]
    public async Task NoPermission_CallRefusedWith409_ThenRequestAndReply_ThenTheCallGoesThrough()
    {
        using var gateway = new SandboxGateway();
        const string user = "14085550302";
        await gateway.Http.PutAsJsonAsync(new Uri($"/sandbox/users/{user}", UriKind.Relative), new { permission = "no_permission", permissionRequestReply = "accept" });

        using var refused = await gateway.Http.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = user });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"no call permission from {user} (status no_permission)", problem.GetProperty("detail").GetString());
        Assert.Equal(138006, problem.GetProperty("metaErrorCode").GetInt32());
        Assert.DoesNotContain(gateway.GraphRequests.Entries, e => e.Action == "connect");

        var request = await gateway.PostJsonAsync($"/api/permissions/{user}/request", new { bodyText = "May we call you about your order?" }, HttpStatusCode.Accepted);
        var messageId = request.GetProperty("messageId").GetString();

        JsonElement permission = default;
        await Eventually.HoldsAsync(async () =>
        {
            permission = await gateway.GetJsonAsync($"/api/permissions/{user}");
            return permission.GetProperty("stored") is { ValueKind: JsonValueKind.Object } stored && stored.GetProperty("response").GetString() == "accept";
        }, "the permission reply to be stored");
        var reply = permission.GetProperty("stored");
        Assert.Equal("accept", reply.GetProperty("response").GetString());
        Assert.Equal("temporary", reply.GetProperty("status").GetString());
        Assert.Equal("user_action", reply.GetProperty("responseSource").GetString());
        Assert.Equal(messageId, reply.GetProperty("contextId").GetString());
        Assert.True(reply.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal("temporary", permission.GetProperty("status").GetString());

        var placed = await gateway.PostJsonAsync("/api/calls", new { to = user }, HttpStatusCode.Accepted);
        await gateway.WaitForGatewayCallAsync(placed.GetProperty("metaCallId").GetString()!, "Connected");
    }

    [Fact]
    public async Task Force_BypassesOurCheck_AndMetaRefusesWith138006()
    {
        using var gateway = new SandboxGateway();
        const string user = "14085550303";
        await gateway.Http.PutAsJsonAsync(new Uri($"/sandbox/users/{user}", UriKind.Relative), new { permission = "no_permission" });

        using var ours = await gateway.Http.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = user });
        using var metas = await gateway.Http.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = user, force = true });

        Assert.Equal(HttpStatusCode.Conflict, ours.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, metas.StatusCode);
        Assert.Equal(138006, (await metas.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metaErrorCode").GetInt32());
        Assert.Contains(gateway.GraphRequests.Entries, e => e.Action == "connect" && e.ErrorCode == 138006);
    }
}
