using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CallGateway.EndToEnd.Tests.Support;
using CallGateway.Media.Audio;

namespace CallGateway.EndToEnd.Tests;

/// <summary>Call events out (SSE and signed webhooks) and the WebSocket media stream, against the sandbox.</summary>
public sealed class EventsAndStreamsTests
{
    [Fact]
    public async Task SseAndWebhooks_DeliverEveryEventOfACallInOrderOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2); // the endpoint is down at first: retries
        using var gateway = new SandboxGateway(new()
        {
            ["EventWebhooks:Endpoints:0:Name"] = "crm",
            ["EventWebhooks:Endpoints:0:Url"] = receiver.Url,
            ["EventWebhooks:Endpoints:0:Secret"] = WebhookReceiver.Secret,
        });
        await using var sse = await SseClient.ConnectAsync(gateway.Http, "/api/events");

        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551250001/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var id = (await gateway.WaitForGatewayCallAsync(wacid, "Connected")).GetProperty("id").GetString()!;
        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/dtmf", new { digits = "12" }, HttpStatusCode.Accepted);
        await Eventually.HoldsAsync(() => Task.FromResult(sse.Events.Count(e => e.Type == "call.dtmf") == 2), "two DTMF events");
        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/hangup", null, HttpStatusCode.Accepted);

        string[] expected = ["call.ringing", "call.accepted", "call.connected", "call.dtmf", "call.dtmf", "call.terminated"];
        await Eventually.HoldsAsync(() => Task.FromResult(sse.Events.Count >= expected.Length), "all events on the SSE stream");
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Deliveries.Count >= expected.Length), "all events at the webhook endpoint", 30_000);

        var streamed = sse.Events.ToArray();
        Assert.Equal(expected, streamed.Select(e => e.Type));
        Assert.All(streamed, e => Assert.Equal(id, e.Data.GetProperty("data").GetProperty("callId").GetString()));
        Assert.Equal(["1", "2"], streamed.Where(e => e.Type == "call.dtmf").Select(e => e.Data.GetProperty("data").GetProperty("digit").GetString()));
        var ids = streamed.Select(e => e.Id).ToArray();
        Assert.Equal(ids.Order(), ids); // gateway-wide sequence, increasing
        var terminated = streamed.Last().Data.GetProperty("data");
        Assert.Equal("Completed", terminated.GetProperty("endReason").GetString());

        var delivered = receiver.Deliveries.ToArray();
        Assert.True(receiver.Refused >= 2);
        Assert.All(delivered, d => Assert.True(d.SignatureValid));
        Assert.Equal(expected, delivered.Select(d => d.Body.GetProperty("type").GetString()));
        Assert.Equal(delivered.Length, delivered.Select(d => d.Id).Distinct().Count()); // once each
        Assert.Equal(streamed.Select(e => e.Id), delivered.Select(d => d.Body.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task Sse_ResumesFromLastEventId()
    {
        using var gateway = new SandboxGateway();
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551250002/calls", null, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var id = (await gateway.WaitForGatewayCallAsync(wacid, "Connected")).GetProperty("id").GetString()!;

        await using var all = await SseClient.ConnectAsync(gateway.Http, $"/api/events?callId={id}&after=0");
        await Eventually.HoldsAsync(() => Task.FromResult(all.Events.Count == 3), "the replayed events");
        var firstId = all.Events.First().Id;
        await using var resumed = await SseClient.ConnectAsync(gateway.Http, $"/api/events?callId={id}&after={firstId}");
        await Eventually.HoldsAsync(() => Task.FromResult(resumed.Events.Count == 2), "the events after the first");
        Assert.Equal(["call.accepted", "call.connected"], resumed.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task WebSocketStream_CarriesTheCallersToneOutAndPlaysOurAudioIn()
    {
        using var gateway = new SandboxGateway();
        var wacid = (await gateway.PostJsonAsync("/sandbox/users/15551250003/calls", new { toneHz = 440 }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var id = (await gateway.WaitForGatewayCallAsync(wacid, "Connected")).GetProperty("id").GetString()!;

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", Security.SecuritySetup.SandboxKey);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{gateway.Port}/api/calls/{id}/media?sampleRate=16000"), CancellationToken.None);

        var messages = new List<JsonElement>();
        var inbound = new List<short>();
        var tone = new ToneGenerator(16000, 700, 0.25);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sent = 0;
        while (inbound.Count < 16000 * 2 && !deadline.IsCancellationRequested)
        {
            var message = await ReceiveAsync(socket, deadline.Token);
            messages.Add(message);
            if (message.GetProperty("event").GetString() == "media")
            {
                inbound.AddRange(Pcm(message.GetProperty("media").GetProperty("payload").GetString()!));
                // Answer each inbound frame with one of ours (a 700 Hz tone), like a voice bot would.
                await SendAsync(socket, Media(tone.Generate(320)), deadline.Token);
                sent++;
            }
        }

        await SendAsync(socket, "{\"event\":\"mark\",\"mark\":{\"name\":\"after-tone\"}}", deadline.Token);
        Assert.Equal("connected", messages[0].GetProperty("event").GetString());
        var start = messages[1];
        Assert.Equal("start", start.GetProperty("event").GetString());
        Assert.Equal(16000, start.GetProperty("start").GetProperty("mediaFormat").GetProperty("sampleRate").GetInt32());
        var caller = inbound.Skip(inbound.Count - 16000).ToArray();
        Assert.InRange(AudioAnalysis.DominantFrequency(caller, 16000), 425, 455);
        Assert.InRange(AudioAnalysis.RmsDbfs(caller), -17.5, -12.5);

        AudioAssert.PhoneHeard(await gateway.GetJsonAsync($"/sandbox/calls/{wacid}"), 700);
        var mark = await ReceiveUntilAsync(socket, "mark", deadline.Token);
        Assert.Equal("after-tone", mark.GetProperty("mark").GetProperty("name").GetString());

        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/dtmf", new { digits = "7" }, HttpStatusCode.Accepted);
        var dtmf = await ReceiveUntilAsync(socket, "dtmf", deadline.Token);
        Assert.Equal("7", dtmf.GetProperty("dtmf").GetProperty("digit").GetString());

        await gateway.PostJsonAsync($"/sandbox/calls/{wacid}/hangup", null, HttpStatusCode.Accepted);
        var stop = await ReceiveUntilAsync(socket, "stop", deadline.Token);
        Assert.Equal("call ended", stop.GetProperty("stop").GetProperty("reason").GetString());
        Assert.True(sent > 50);
    }

    [Fact]
    public async Task WebSocketStream_NeedsAnApiKey()
    {
        using var gateway = new SandboxGateway();
        using var socket = new ClientWebSocket();
        var ex = await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{gateway.Port}/api/calls/call_x/media"), CancellationToken.None));
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }

    private static string Media(short[] pcm)
    {
        var bytes = new byte[pcm.Length * 2];
        Buffer.BlockCopy(pcm, 0, bytes, 0, bytes.Length);
        return "{\"event\":\"media\",\"media\":{\"payload\":\"" + Convert.ToBase64String(bytes) + "\"}}";
    }

    private static short[] Pcm(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var pcm = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, pcm, 0, bytes.Length);
        return pcm;
    }

    private static Task SendAsync(ClientWebSocket socket, string json, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        var count = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken) is var r ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage) : null!;
            count += result.Count;
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
    }

    private static async Task<JsonElement> ReceiveUntilAsync(ClientWebSocket socket, string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket, cancellationToken);
            if (message.GetProperty("event").GetString() == type)
            {
                return message;
            }
        }
    }
}
