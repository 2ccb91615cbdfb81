using System.Net;
using CallGateway.EndToEnd.Tests.Support;
using CallGateway.Interop.Tests;

namespace CallGateway.EndToEnd.Tests;

/// <summary>
/// A real browser as the WhatsApp user's phone: headless Chromium's offer is relayed through the sandbox as the
/// connect webhook, the gateway's answer comes back through pre_accept/accept, and Chromium's WebRTC stack talks to
/// the gateway's media stack over UDP — the full webhook/Graph flow with a peer nobody here wrote.
/// </summary>
public sealed class ChromiumPhoneTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task BrowserCallsTheBusiness_ThroughWebhooksAndGraph_AudioAndDtmfCross()
    {
        using var gateway = new SandboxGateway();
        await using var browser = await chromium.OpenPeerAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        await using var events = await SseClient.ConnectAsync(gateway.Http, "/api/events");

        var offer = await browser.OfferAsync(timeout.Token);
        var placed = await gateway.PostJsonAsync("/sandbox/users/15551260001/calls", new { sdpOffer = offer }, HttpStatusCode.Created);
        var wacid = placed.GetProperty("id").GetString()!;
        var call = await gateway.WaitForGatewayCallAsync(wacid, "Accepted");
        var id = call.GetProperty("id").GetString()!;
        Assert.Equal(["pre_accept", "accept"], gateway.GraphActionsFor(wacid));

        var answer = (await gateway.GetJsonAsync($"/sandbox/calls/{wacid}")).GetProperty("businessAnswerSdp").GetString()!;
        await browser.ApplyAnswerAsync(answer, timeout.Token);
        await gateway.WaitForGatewayCallAsync(wacid, "Connected");

        var probe = await GatewayAudioProbe.AttachAsync(gateway, id, 1000);
        ChromiumSnapshot snapshot = default!;
        await Eventually.HoldsAsync(async () =>
        {
            snapshot = await browser.SnapshotAsync(timeout.Token);
            return snapshot.PacketsReceived > 100 && snapshot.AudioLevel > 0.1 && probe.SamplesHeard > probe.SampleRate * 2;
        }, "audio both ways with the browser", 20_000);

        // The browser's fake microphone plays a 700 Hz tone at half scale: -9 dBFS.
        var heard = probe.Last(TimeSpan.FromSeconds(1));
        Assert.InRange(Media.Audio.AudioAnalysis.DominantFrequency(heard, probe.SampleRate), 690, 710);
        Assert.InRange(Media.Audio.AudioAnalysis.RmsDbfs(heard), -10.5, -7.5);
        Assert.InRange(snapshot.AudioLevel, 0.2, 0.3); // our 0.25-amplitude 1 kHz tone

        await browser.SendDtmfAsync("159#", 100, 70, timeout.Token);
        await Eventually.HoldsAsync(() => Task.FromResult(events.Events.Count(e => e.Type == "call.dtmf") == 4), "four DTMF events");
        Assert.Equal(["1", "5", "9", "#"], events.Events.Where(e => e.Type == "call.dtmf").Select(e => e.Data.GetProperty("data").GetProperty("digit").GetString()));

        await gateway.PostJsonAsync($"/api/calls/{id}/hangup", null, HttpStatusCode.Accepted);
        var ended = await gateway.WaitForGatewayCallAsync(wacid, "Terminated");
        Assert.Equal("HungUpByBusiness", ended.GetProperty("endReason").GetString());
        Assert.Equal(["pre_accept", "accept", "terminate"], gateway.GraphActionsFor(wacid));
    }
}
