using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CallGateway.Events;

namespace CallGateway.MediaApps;

/// <summary>The JSON frames of the media stream protocol (docs/media-streams.md), built without intermediate objects.</summary>
internal static class MediaStreamMessages
{
    public const string Protocol = "CallGateway.MediaStream";
    public const string Version = "1.0";

    public static string Connected() => Write(w =>
    {
        w.WriteString("event", "connected");
        w.WriteString("protocol", Protocol);
        w.WriteString("version", Version);
    });

    public static string Start(long sequence, CallEventData call, int sampleRate) => Write(w =>
    {
        w.WriteString("event", "start");
        w.WriteNumber("sequenceNumber", sequence);
        w.WriteStartObject("start");
        w.WriteString("callId", call.CallId);
        w.WriteString("metaCallId", call.MetaCallId);
        w.WriteString("direction", call.Direction);
        w.WriteString("peer", call.Peer);
        w.WriteStartObject("mediaFormat");
        w.WriteString("encoding", "audio/l16");
        w.WriteNumber("sampleRate", sampleRate);
        w.WriteNumber("channels", 1);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static string Media(long sequence, long chunk, long timestampMs, ReadOnlySpan<short> pcm)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(pcm.Length * 2);
        try
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), pcm[i]);
            }

            var payload = Convert.ToBase64String(bytes, 0, pcm.Length * 2);
            return Write(w =>
            {
                w.WriteString("event", "media");
                w.WriteNumber("sequenceNumber", sequence);
                w.WriteStartObject("media");
                w.WriteString("track", "inbound");
                w.WriteString("chunk", chunk.ToString(CultureInfo.InvariantCulture));
                w.WriteString("timestamp", timestampMs.ToString(CultureInfo.InvariantCulture));
                w.WriteString("payload", payload);
                w.WriteEndObject();
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public static string Dtmf(long sequence, string digit, int? durationMs) => Write(w =>
    {
        w.WriteString("event", "dtmf");
        w.WriteNumber("sequenceNumber", sequence);
        w.WriteStartObject("dtmf");
        w.WriteString("digit", digit);
        if (durationMs is { } ms)
        {
            w.WriteNumber("durationMs", ms);
        }

        w.WriteEndObject();
    });

    public static string Mark(long sequence, string name) => Write(w =>
    {
        w.WriteString("event", "mark");
        w.WriteNumber("sequenceNumber", sequence);
        w.WriteStartObject("mark");
        w.WriteString("name", name);
        w.WriteEndObject();
    });

    public static string Stop(long sequence, string reason) => Write(w =>
    {
        w.WriteString("event", "stop");
        w.WriteNumber("sequenceNumber", sequence);
        w.WriteStartObject("stop");
        w.WriteString("reason", reason);
        w.WriteEndObject();
    });

    /// <summary>Decodes a base64 little-endian PCM16 payload; null when it is not valid base64 of whole samples.</summary>
    public static short[]? DecodePcm(string? payload)
    {
        if (payload is null)
        {
            return null;
        }

        var bytes = new byte[(payload.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(payload, bytes, out var length) || length % 2 != 0)
        {
            return null;
        }

        var pcm = new short[length / 2];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2));
        }

        return pcm;
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
