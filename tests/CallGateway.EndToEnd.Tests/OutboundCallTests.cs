using System.Net.Http.Json;
using System.Net;
using CallGateway.EndToEnd.Tests.Support;

namespace CallGateway.EndToEnd.Tests;

/// <summary>Business-initiated calls through the full gateway and the sandbox over real HTTP and UDP.</summary>
public sealed class OutboundCallTests
{
    [Fact]
    public async Task Answered_ConnectsWithAudioBothWays_ThenBusinessHangsUp()
    {
        using var gateway = new SandboxGateway();
        await gateway.Http.PutAsJsonAsync(new Uri("/sandbox/users/14085550201", UriKind.Relative), new { toneHz = 600 });
        var placed = await gateway.PostJsonAsync("/api/calls", new { to = "14085550201", bizOpaqueCallbackData = "order-17" }, HttpStatusCode.Accepted);
        var id = placed.GetProperty("id").GetString()!;
        var wacid = placed.GetProperty("metaCallId").GetString()!;

        var call = await gateway.WaitForGatewayCallAsync(wacid, "Connected");
        Assert.Equal(id, call.GetProperty("id").GetString());
        Assert.Equal(["connect"], gateway.GraphActionsFor(wacid));
        Assert.Equal("Outbound", call.GetProperty("direction").GetString());
        var phone = await gateway.GetJsonAsync($"/sandbox/calls/{wacid}");
        Assert.Equal("order-17", phone.GetProperty("bizOpaqueCallbackData").GetString());

        var probe = await GatewayAudioProbe.AttachAsync(gateway, id, 1200);
        await Eventually.HoldsAsync(() => Task.FromResult(probe.SamplesHeard > probe.SampleRate * 2), "two seconds of audio at the gateway");
        AudioAssert.Tone(probe.Last(TimeSpan.FromSeconds(1)), probe.SampleRate, 600);
        AudioAssert.PhoneHeard(await gateway.GetJsonAsync($"/sandbox/calls/{wacid}"), 1200);

        await gateway.PostJsonAsync($"/api/calls/{id}/hangup", null, HttpStatusCode.Accepted);
        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("HungUpByBusiness", ended.GetProperty("endReason").GetString());
        Assert.Equal(["connect", "terminate"], gateway.GraphActionsFor(wacid));
        await gateway.WaitForSandboxCallAsync(wacid, "Completed");
    }

    [Fact]
    public async Task Rejected_EndsAsRejectedByUser()
    {
        using var gateway = new SandboxGateway();
        await gateway.Http.PutAsJsonAsync(new Uri("/sandbox/users/14085550202", UriKind.Relative), new { answerMode = "Reject" });
        var placed = await gateway.PostJsonAsync("/api/calls", new { to = "14085550202" }, HttpStatusCode.Accepted);
        var wacid = placed.GetProperty("metaCallId").GetString()!;

        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("RejectedByUser", ended.GetProperty("endReason").GetString());
        Assert.Equal(["connect"], gateway.GraphActionsFor(wacid));
        Assert.Contains("Ringing", ended.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task UserHangsUp_EndsAsCompletedWithDuration()
    {
        using var gateway = new SandboxGateway();
        var placed = await gateway.PostJsonAsync("/api/calls", new { to = "14085550203" }, HttpStatusCode.Accepted);
        var wacid = placed.GetProperty("metaCallId").GetString()!;
        await gateway.WaitForGatewayCallAsync(wacid, "Connected");
        await Task.Delay(1200);

        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/hangup", null, HttpStatusCode.Accepted);
        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("Completed", ended.GetProperty("endReason").GetString());
        Assert.True(ended.GetProperty("durationSeconds").GetInt64() >= 1);
    }

    [Fact]
    public async Task NoPermission_IsRefusedByMetaWith138006()
    {
        using var gateway = new SandboxGateway();
        await gateway.Http.PutAsJsonAsync(new Uri("/sandbox/users/14085550204", UriKind.Relative), new { permission = "no_permission" });
        // force: past the gateway's own permission check (409, see PermissionTests), to Meta's refusal.
        using var response = await gateway.Http.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "14085550204", force = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("138006", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
