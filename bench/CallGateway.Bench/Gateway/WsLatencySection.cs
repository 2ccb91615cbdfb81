using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CallGateway.Bench.Connect;
using CallGateway.Bench.Infrastructure;
using CallGateway.Media;
using CallGateway.Media.Audio;
using CallGateway.Media.Session;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallGateway.Bench.Gateway;

internal sealed record WsLatencySettings
{
    public int Bursts { get; init; } = 25;
}

/// <summary>
/// Issue "media applications": the WebSocket audio path's added latency. The bench is the WhatsApp user's phone
/// (our media stack in ICE-lite mode, in this process, relayed through the standalone sandbox as an external phone)
/// and the internal system on the gateway's media-stream WebSocket, so every timestamp is on one clock:
/// <list type="bullet">
/// <item>call -> WebSocket: the phone's source switches from silence to a tone; from the tick that produced the first
/// tone frame (before Opus encode) to the first audible <c>media</c> message the WebSocket client parses;</item>
/// <item>WebSocket -> call: the client sends a 100 ms tone burst after silence; from just before the send to the
/// phone decoding the first audible frame;</item>
/// <item>WebSocket -> played: one frame followed by a mark; from the send to the mark's return (the gateway answers a
/// mark once its media clock has taken everything queued before it).</item>
/// </list>
/// Both directions include what a real call adds too: the loopback UDP hop, a jitter buffer (the gateway's on the way
/// in, the phone's on the way out) and up to one 20 ms tick of waiting on either clock.
/// </summary>
internal static class WsLatencySection
{
    private const double ToneAmplitude = 0.3;
    private const double AudibleRms = 0.01;
    private static readonly TimeSpan OnsetTimeout = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(TextWriter output, WsLatencySettings settings)
    {
        output.WriteLine("## WebSocket audio path latency (media stream, 16 kHz PCM16)");
        output.WriteLine();
        var work = Directory.CreateTempSubdirectory("cg-bench-ws-").FullName;
        try
        {
            await using var system = await GatewayWithSandbox.StartAsync(work, []);
            using var phoneEngine = new MediaEngine(ConnectSection.Options(lite: true), TimeProvider.System, NullLoggerFactory.Instance);
            await using var phone = await phoneEngine.CreateOfferAsync(new MediaSessionRequest("bench-phone"), default);
            var source = new GatedTone(phone.SampleRate);
            var heard = new OnsetSink();
            phone.SetSource(source);
            using var sinkRegistration = phone.AddSink(heard);

            var wacid = await system.Meta.UserCallsWithOfferAsync("15557000001", phone.LocalSdp);
            var answer = await WaitForAnswerAsync(system.Meta, wacid);
            await phone.ApplyRemoteAnswerAsync(answer, default);
            phone.StartSending();
            var callId = await system.FindCallAsync(wacid, TimeSpan.FromSeconds(20)) ?? throw new InvalidOperationException("the gateway did not report the call");
            await WaitConnectedAsync(system.Api, callId);

            using var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("X-Api-Key", GatewayConfig.ApiKey);
            await socket.ConnectAsync(system.Api.MediaStreamUri(callId, 16000), default);
            var stream = new StreamReader(socket);
            var receiving = stream.RunAsync();
            await Task.Delay(1000); // jitter buffers settle on the silent stream

            var toSocket = new List<double>();
            var toPhone = new List<double>();
            var toMark = new List<double>();
            for (var i = 0; i < settings.Bursts; i++)
            {
                // call -> WebSocket
                stream.ArmOnset();
                source.On = true;
                var onset = await StampOrZeroAsync(stream.Onset);
                source.On = false;
                if (onset != 0 && source.FirstToneAt != 0)
                {
                    toSocket.Add(Stopwatch.GetElapsedTime(source.FirstToneAt, onset).TotalMilliseconds);
                }

                await Task.Delay(400);

                // WebSocket -> call
                heard.Arm();
                var sentAt = Stopwatch.GetTimestamp();
                await SendMediaAsync(socket, ToneBurst(16000, 5));
                var heardAt = await StampOrZeroAsync(heard.Onset);
                if (heardAt != 0)
                {
                    toPhone.Add(Stopwatch.GetElapsedTime(sentAt, heardAt).TotalMilliseconds);
                }

                await Task.Delay(400);

                // WebSocket -> played (mark)
                var name = "m" + i.ToString(CultureInfo.InvariantCulture);
                var marked = stream.ExpectMark(name);
                var markSentAt = Stopwatch.GetTimestamp();
                await SendMediaAsync(socket, new short[320]);
                await SendTextAsync(socket, $$$"""{"event":"mark","mark":{"name":"{{{name}}}"}}""");
                var markAt = await StampOrZeroAsync(marked);
                if (markAt != 0)
                {
                    toMark.Add(Stopwatch.GetElapsedTime(markSentAt, markAt).TotalMilliseconds);
                }

                await Task.Delay(200);
            }

            await SendTextAsync(socket, """{"event":"stop"}""");
            await receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            await system.Meta.HangupAsync(wacid);

            output.WriteLine($"media messages from the gateway: {stream.MediaMessages}, loudest RMS {stream.LoudestRms.ToString("F3", CultureInfo.InvariantCulture)}; phone frames sent: {phone.GetStats().PacketsSent}.");
            output.WriteLine($"{settings.Bursts} bursts each way; one call, gateway and sandbox as processes, the phone and the WebSocket client in the bench process (one clock).");
            output.WriteLine();
            output.WriteLine("| path | measured | p50 ms | p90 ms | max ms |");
            output.WriteLine("|---|---|---|---|---|");
            Row(output, "call -> WebSocket: phone's tick (before encode) -> audible `media` message parsed by the client", toSocket, settings.Bursts);
            Row(output, "WebSocket -> call: client sends a tone burst -> phone decodes the first audible frame", toPhone, settings.Bursts);
            Row(output, "WebSocket -> played: one frame + `mark` sent -> `mark` returned", toMark, settings.Bursts);
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The stamp <paramref name="stamped"/> completes with, or 0 when it does not within <see cref="OnsetTimeout"/>.</summary>
    private static async Task<long> StampOrZeroAsync(Task<long> stamped)
    {
        var settled = await Task.WhenAny(stamped, Task.Delay(OnsetTimeout)).ConfigureAwait(false);
        return settled == stamped && stamped.IsCompletedSuccessfully ? stamped.Result : 0;
    }

    private static void Row(TextWriter output, string what, List<double> values, int tried) =>
        output.WriteLine($"| {what} | {values.Count}/{tried} | {F(Statistics.Percentile(values, 50))} | {F(Statistics.Percentile(values, 90))} | {F(values.Count == 0 ? double.NaN : values.Max())} |");

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString("F1", CultureInfo.InvariantCulture);

    private static async Task<string> WaitForAnswerAsync(SandboxApi meta, string wacid)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            var call = await meta.GetCallAsync(wacid);
            if (call.TryGetProperty("businessAnswerSdp", out var sdp) && sdp.ValueKind == JsonValueKind.String)
            {
                return sdp.GetString()!;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the gateway's SDP answer did not reach the sandbox");
    }

    private static async Task WaitConnectedAsync(GatewayApi api, string callId)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if ((await api.GetCallAsync(callId)).GetProperty("status").GetString() == "Connected")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the call did not connect");
    }

    private static short[] ToneBurst(int rate, int frames)
    {
        var samples = new short[rate / 50 * frames];
        var tone = new ToneSource(rate, 440, ToneAmplitude);
        tone.ReadFrame(samples);
        return samples;
    }

    private static Task SendMediaAsync(WebSocket socket, short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        return SendTextAsync(socket, $$$"""{"event":"media","media":{"payload":"{{{Convert.ToBase64String(bytes)}}}"}}""");
    }

    private static Task SendTextAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, default);

    /// <summary>The phone's source: silence, or a tone while <see cref="On"/>; stamps the first tone frame of each burst.</summary>
    private sealed class GatedTone(int sampleRate) : IAudioSource
    {
        private readonly ToneSource _tone = new(sampleRate, 440, ToneAmplitude);
        private volatile bool _on;

        public long FirstToneAt { get; private set; }

        public bool On
        {
            get => _on;
            set
            {
                if (value)
                {
                    FirstToneAt = 0; // stamped again by the next tone frame
                }

                _on = value;
            }
        }

        public bool ReadFrame(Span<short> frame)
        {
            if (!_on)
            {
                return false;
            }

            if (FirstToneAt == 0)
            {
                FirstToneAt = Stopwatch.GetTimestamp();
            }

            return _tone.ReadFrame(frame);
        }
    }

    /// <summary>The phone's ear: completes <see cref="Onset"/> with the time it decoded the first audible frame after <see cref="Arm"/>.</summary>
    private sealed class OnsetSink : IAudioSink
    {
        private TaskCompletionSource<long> _onset = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> Onset => Volatile.Read(ref _onset).Task;

        public void Arm() => Volatile.Write(ref _onset, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
        {
            if (direction == AudioDirection.Received && !Onset.IsCompleted && AudioAnalysis.Rms(frame) > AudibleRms)
            {
                Volatile.Read(ref _onset).TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }

    /// <summary>Reads the gateway's messages: audible <c>media</c> onsets and returned marks, stamped on arrival.</summary>
    private sealed class StreamReader(ClientWebSocket socket)
    {
        private readonly Dictionary<string, TaskCompletionSource<long>> _marks = new(StringComparer.Ordinal);
        private TaskCompletionSource<long> _onset = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> Onset => Volatile.Read(ref _onset).Task;

        public int MediaMessages { get; private set; }

        public double LoudestRms { get; private set; }

        public void ArmOnset() => Volatile.Write(ref _onset, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        public Task<long> ExpectMark(string name)
        {
            var pending = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_marks)
            {
                _marks[name] = pending;
            }

            return pending.Task;
        }

        public async Task RunAsync()
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, default);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var at = Stopwatch.GetTimestamp();
                Handle(message.ToArray(), at);
                message.SetLength(0);
            }
        }

        private void Handle(byte[] json, long at)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            switch (root.GetProperty("event").GetString())
            {
                case "media":
                    MediaMessages++;
                    var pcm = Convert.FromBase64String(root.GetProperty("media").GetProperty("payload").GetString()!);
                    var samples = new short[pcm.Length / 2];
                    Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
                    var rms = AudioAnalysis.Rms(samples);
                    LoudestRms = Math.Max(LoudestRms, rms);
                    if (rms > AudibleRms && !Onset.IsCompleted)
                    {
                        Volatile.Read(ref _onset).TrySetResult(at);
                    }

                    break;
                case "mark":
                    var name = root.GetProperty("mark").GetProperty("name").GetString() ?? "";
                    lock (_marks)
                    {
                        if (_marks.Remove(name, out var pending))
                        {
                            pending.TrySetResult(at);
                        }
                    }

                    break;
            }
        }
    }
}
