using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CallGateway.Calls;
using CallGateway.Events;
using CallGateway.Media;
using CallGateway.Media.Audio;
using CallGateway.Media.Codecs;

namespace CallGateway.MediaApps;

/// <summary>
/// One media stream over a WebSocket (server- or client-side), like Twilio Media Streams: the caller's audio goes
/// out as base64 PCM16 frames at the negotiated rate; audio sent back is played into the call (with marks and
/// barge-in clear); DTMF and the end of the call are reported. See docs/media-streams.md.
/// </summary>
public sealed partial class MediaStreamSession : IAudioSink
{
    private const int MaxMessageBytes = 1024 * 1024;
    private readonly WebSocket _socket;
    private readonly CallMediaApps _apps;
    private readonly CallEventData _call;
    private readonly int _rate;
    private readonly CallEventBus _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _started;
    private readonly Resampler? _down;
    private readonly Resampler? _up;
    private readonly short[] _narrow;
    private readonly PlaybackQueue _playback;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private long _sequence;
    private long _chunk;

    public MediaStreamSession(WebSocket socket, CallMediaApps apps, CallEventData call, int streamRate, CallEventBus events, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(apps);
        _socket = socket;
        _apps = apps;
        _call = call;
        _rate = streamRate;
        _events = events;
        _time = time;
        _logger = logger;
        _started = time.GetTimestamp();
        var surface = apps.Media.SampleRate;
        _down = surface == streamRate ? null : new Resampler(surface, streamRate);
        _up = surface == streamRate ? null : new Resampler(streamRate, surface);
        _narrow = new short[streamRate / 50];
        _playback = new PlaybackQueue(surface);
        _playback.MarkReached += name => Enqueue(MediaStreamMessages.Mark(Next(), name));
    }

    /// <summary>Runs until the socket closes, the client sends stop, or the call ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var sink = _apps.Media.AddSink(this);
        using var callEvents = _events.Subscribe(_call.CallId, afterSequence: null);
        _apps.Mixer.Add(_playback);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Enqueue(MediaStreamMessages.Connected());
        Enqueue(MediaStreamMessages.Start(Next(), _call, _rate));
        var sending = SendLoopAsync(stop.Token);
        var watching = WatchCallAsync(callEvents, stop);
        try
        {
            await ReceiveLoopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            LogStreamEnded(_logger, _call.CallId, ex.Message);
        }
        finally
        {
            _apps.Mixer.Remove(_playback);
            _outgoing.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(sending, watching).ConfigureAwait(false);
            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Caller audio, on the media clock: down-sample and hand over to the send loop.</summary>
    public void OnFrame(AudioDirection direction, ReadOnlySpan<short> frame)
    {
        if (direction != AudioDirection.Received)
        {
            return;
        }

        var count = _down is null ? Copy(frame, _narrow) : _down.Process(frame, _narrow);
        _outgoing.Writer.TryWrite(new Outgoing(null, _narrow[..count], _chunk++, (long)_time.GetElapsedTime(_started).TotalMilliseconds));
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = item.Json ?? MediaStreamMessages.Media(Next(), item.Chunk, item.TimestampMs, item.Pcm);
                await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    private async Task WatchCallAsync(CallEventBus.Subscription callEvents, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var message in callEvents.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                if (message.Type == CallNotifications.Dtmf && message.Data.Digit is { } digit)
                {
                    Enqueue(MediaStreamMessages.Dtmf(Next(), digit, message.Data.DtmfDurationMs));
                }
                else if (message.Type == CallNotifications.Terminated)
                {
                    Enqueue(MediaStreamMessages.Stop(Next(), "call ended"));
                    _outgoing.Writer.TryComplete();
                    await Task.Delay(200, CancellationToken.None).ConfigureAwait(false); // let the stop frame go out
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too large", CancellationToken.None).ConfigureAwait(false);
                return;
            }

            if (result.EndOfMessage)
            {
                if (!Handle(message.GetBuffer().AsSpan(0, (int)message.Length)))
                {
                    return;
                }

                message.SetLength(0);
            }
        }
    }

    /// <summary>Handles one client message; false when the client asked to stop.</summary>
    private bool Handle(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var kind = root.TryGetProperty("event", out var e) ? e.GetString() : null;
            switch (kind)
            {
                case "media":
                    var pcm = MediaStreamMessages.DecodePcm(root.GetProperty("media").GetProperty("payload").GetString());
                    if (pcm is null)
                    {
                        LogBadMessage(_logger, _call.CallId, "media payload is not base64 PCM16");
                        return true;
                    }

                    _playback.Enqueue(Upsample(pcm));
                    return true;
                case "mark":
                    _playback.Mark(root.GetProperty("mark").GetProperty("name").GetString() ?? "");
                    return true;
                case "clear":
                    _playback.Clear();
                    return true;
                case "stop":
                    return false;
                default:
                    LogBadMessage(_logger, _call.CallId, $"unknown event '{kind}'");
                    return true;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogBadMessage(_logger, _call.CallId, ex.Message);
            return true;
        }
    }

    private short[] Upsample(short[] pcm)
    {
        if (_up is null)
        {
            return pcm;
        }

        var output = new short[_up.GetMaxOutputLength(pcm.Length)];
        return output[.._up.Process(pcm, output)];
    }

    private async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "stream ended", CancellationToken.None).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private void Enqueue(string json) => _outgoing.Writer.TryWrite(new Outgoing(json, [], 0, 0));

    private long Next() => Interlocked.Increment(ref _sequence);

    private static int Copy(ReadOnlySpan<short> source, Span<short> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private sealed record Outgoing(string? Json, short[] Pcm, long Chunk, long TimestampMs);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Media stream of {CallId} ended: {Reason}")]
    private static partial void LogStreamEnded(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Media stream of {CallId}: ignored a client message ({Reason})")]
    private static partial void LogBadMessage(ILogger logger, string callId, string reason);
}
