using System.Net;
using CallGateway.EndToEnd.Tests.Support;

namespace CallGateway.EndToEnd.Tests;

/// <summary>User-initiated calls through the full gateway and the sandbox over real HTTP and UDP.</summary>
public sealed class InboundCallTests
{
    [Fact]
    public async Task AutoAccept_ConnectsWithAudioBothWays_ThenUserHangsUp()
    {
        using var gateway = new SandboxGateway();
        var placed = await gateway.PostJsonAsync("/sandbox/users/15551230101/calls", new { toneHz = 440 }, HttpStatusCode.Created);
        var wacid = placed.GetProperty("id").GetString()!;

        var call = await gateway.WaitForGatewayCallAsync(wacid, "Connected");
        var id = call.GetProperty("id").GetString()!;
        Assert.Equal(["pre_accept", "accept"], gateway.GraphActionsFor(wacid));
        Assert.Equal(["Ringing", "PreAccepted", "Accepted", "Connected"], History(call));

        var probe = await GatewayAudioProbe.AttachAsync(gateway, id, 1000);
        await Eventually.HoldsAsync(() => Task.FromResult(probe.SamplesHeard > probe.SampleRate * 2), "two seconds of audio at the gateway");
        AudioAssert.Tone(probe.Last(TimeSpan.FromSeconds(1)), probe.SampleRate, 440);
        var phone = await gateway.GetJsonAsync($"/sandbox/calls/{wacid}");
        AudioAssert.PhoneHeard(phone, 1000);
        var stats = (await gateway.GetJsonAsync($"/api/calls/{id}")).GetProperty("media");
        Assert.True(stats.GetProperty("packetsReceived").GetInt64() > 100 && stats.GetProperty("packetsSent").GetInt64() > 100, stats.ToString());

        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/hangup", null, HttpStatusCode.Accepted);
        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("Completed", ended.GetProperty("endReason").GetString());
        Assert.True(ended.GetProperty("durationSeconds").GetInt64() >= 2);
        Assert.Equal(["pre_accept", "accept"], gateway.GraphActionsFor(wacid)); // the user ended it: no terminate sent
    }

    [Fact]
    public async Task ManualAccept_WaitsForTheApiThenConnects()
    {
        using var gateway = new SandboxGateway(new() { ["Calls:InboundPolicy"] = "Manual" });
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551230102/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var ringing = await gateway.WaitForGatewayCallAsync(wacid, "PreAccepted");
        Assert.Equal(["pre_accept"], gateway.GraphActionsFor(wacid));
        Assert.Equal("PreAccepted", (await gateway.GetJsonAsync($"/sandbox/calls/{wacid}")).GetProperty("status").GetString());

        await gateway.PostJsonAsync($"/api/calls/{ringing.GetProperty("id").GetString()}/accept", null, HttpStatusCode.Accepted);
        await gateway.WaitForGatewayCallAsync(wacid, "Connected");
        Assert.Equal(["pre_accept", "accept"], gateway.GraphActionsFor(wacid));
        var phone = await gateway.WaitForSandboxCallAsync(wacid, "Ongoing");
        Assert.NotNull(phone.GetProperty("startedAt").GetString());
    }

    [Fact]
    public async Task Reject_EndsTheCallOnBothSides()
    {
        using var gateway = new SandboxGateway(new() { ["Calls:InboundPolicy"] = "Manual" });
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551230103/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var ringing = await gateway.WaitForGatewayCallAsync(wacid, "PreAccepted");

        await gateway.PostJsonAsync($"/api/calls/{ringing.GetProperty("id").GetString()}/reject", null, HttpStatusCode.Accepted);
        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("RejectedByBusiness", ended.GetProperty("endReason").GetString());
        Assert.Equal(["pre_accept", "reject"], gateway.GraphActionsFor(wacid));
        await gateway.WaitForSandboxCallAsync(wacid, "Rejected");
    }

    [Fact]
    public async Task NotAnsweredWithinTheAcceptWindow_IsRejectedAsNotAnswered()
    {
        using var gateway = new SandboxGateway(new() { ["Calls:InboundPolicy"] = "Manual", ["Calls:AcceptWindowSeconds"] = "5" });
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551230104/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await gateway.WaitForGatewayCallAsync(wacid, "PreAccepted");

        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated", timeoutMs: 15_000);
        Assert.Equal("NotAnswered", ended.GetProperty("endReason").GetString());
        Assert.Equal(["pre_accept", "reject"], gateway.GraphActionsFor(wacid));
        await gateway.WaitForSandboxCallAsync(wacid, "Rejected");
    }

    [Fact]
    public async Task BusinessHangsUp_TerminatesThroughTheApi()
    {
        using var gateway = new SandboxGateway();
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551230105/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var call = await gateway.WaitForGatewayCallAsync(wacid, "Connected");

        await gateway.PostJsonAsync($"/api/calls/{call.GetProperty("id").GetString()}/hangup", null, HttpStatusCode.Accepted);
        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("HungUpByBusiness", ended.GetProperty("endReason").GetString());
        Assert.Equal(["pre_accept", "accept", "terminate"], gateway.GraphActionsFor(wacid));
        var phone = await gateway.WaitForSandboxCallAsync(wacid, "Completed");
        Assert.Equal("business", phone.GetProperty("endedBy").GetString());
    }

    [Fact]
    public async Task UserPressesDigits_TheGatewayReceivesThem()
    {
        using var gateway = new SandboxGateway();
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551230106/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var call = await gateway.WaitForGatewayCallAsync(wacid, "Connected");
        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/dtmf", new { digits = "42#" }, HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(async () =>
            (await gateway.GetJsonAsync($"/api/calls/{call.GetProperty("id").GetString()}")).GetProperty("media").GetProperty("dtmfReceived").GetInt64() == 3,
            "three digits at the gateway");
    }

    private static string[] History(System.Text.Json.JsonElement call) =>
        call.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()!).ToArray();
}
