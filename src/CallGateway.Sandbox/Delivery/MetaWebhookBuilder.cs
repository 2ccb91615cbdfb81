using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallGateway.Sandbox.Delivery;

/// <summary>
/// Builds webhook payloads in the shapes of Meta's Calling API reference (connect, terminate, call status,
/// call_permission_reply), with timestamps as strings the way Meta sends them.
/// </summary>
public sealed class MetaWebhookBuilder(string wabaId, string phoneNumberId, string businessNumber, TimeProvider time)
{
    public string Connect(string callId, string from, string to, bool userInitiated, string sdpType, string sdp) =>
        Envelope("calls", w =>
        {
            w.WriteStartArray("contacts");
            w.WriteStartObject();
            w.WriteStartObject("profile");
            w.WriteString("name", "Sandbox user");
            w.WriteEndObject();
            w.WriteString("wa_id", userInitiated ? from : to);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("calls");
            w.WriteStartObject();
            w.WriteString("id", callId);
            w.WriteString("to", to);
            w.WriteString("from", from);
            w.WriteString("event", "connect");
            w.WriteString("timestamp", Now());
            w.WriteString("direction", userInitiated ? "USER_INITIATED" : "BUSINESS_INITIATED");
            w.WriteStartObject("session");
            w.WriteString("sdp_type", sdpType);
            w.WriteString("sdp", sdp);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        });

    public string Terminate(string callId, string from, string to, bool userInitiated, string status, DateTimeOffset? start, DateTimeOffset? end, string? bizOpaque, (int Code, string Message)? error = null) =>
        Envelope("calls", w =>
        {
            w.WriteStartArray("calls");
            w.WriteStartObject();
            w.WriteString("id", callId);
            w.WriteString("to", to);
            w.WriteString("from", from);
            w.WriteString("event", "terminate");
            w.WriteString("direction", userInitiated ? "USER_INITIATED" : "BUSINESS_INITIATED");
            if (bizOpaque is not null)
            {
                w.WriteString("biz_opaque_callback_data", bizOpaque);
            }

            w.WriteString("timestamp", Now());
            w.WriteString("status", status);
            if (start is { } s && end is { } e)
            {
                // Only present when the call was picked up (reference: start_time, end_time, duration).
                w.WriteString("start_time", s.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                w.WriteString("end_time", e.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("duration", (long)Math.Round((e - s).TotalSeconds));
            }

            w.WriteEndObject();
            w.WriteEndArray();
            if (error is { } err)
            {
                WriteErrors(w, err.Code, err.Message);
            }
        });

    public string Status(string callId, string status, string recipient, string? bizOpaque) =>
        Envelope("calls", w =>
        {
            w.WriteStartArray("statuses");
            w.WriteStartObject();
            w.WriteString("id", callId);
            w.WriteString("timestamp", Now());
            w.WriteString("type", "call");
            w.WriteString("status", status);
            w.WriteString("recipient_id", recipient);
            if (bizOpaque is not null)
            {
                w.WriteString("biz_opaque_callback_data", bizOpaque);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        });

    public string PermissionReply(string messageId, string from, string? contextId, string response, bool permanent, DateTimeOffset? expiration, string source) =>
        Envelope("messages", w =>
        {
            w.WriteStartArray("messages");
            w.WriteStartObject();
            w.WriteString("from", from);
            w.WriteString("id", messageId);
            w.WriteString("timestamp", Now());
            if (contextId is not null)
            {
                w.WriteStartObject("context");
                w.WriteString("from", from);
                w.WriteString("id", contextId);
                w.WriteEndObject();
            }

            w.WriteString("type", "interactive");
            w.WriteStartObject("interactive");
            w.WriteString("type", "call_permission_reply");
            w.WriteStartObject("call_permission_reply");
            w.WriteString("response", response);
            w.WriteBoolean("is_permanent", permanent);
            if (expiration is { } exp)
            {
                w.WriteString("expiration_timestamp", exp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }

            w.WriteString("response_source", source);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        });

    private string Envelope(string field, Action<Utf8JsonWriter> writeValue)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("object", "whatsapp_business_account");
            w.WriteStartArray("entry");
            w.WriteStartObject();
            w.WriteString("id", wabaId);
            w.WriteStartArray("changes");
            w.WriteStartObject();
            w.WriteStartObject("value");
            w.WriteString("messaging_product", "whatsapp");
            w.WriteStartObject("metadata");
            w.WriteString("display_phone_number", businessNumber);
            w.WriteString("phone_number_id", phoneNumberId);
            w.WriteEndObject();
            writeValue(w);
            w.WriteEndObject();
            w.WriteString("field", field);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteErrors(Utf8JsonWriter w, int code, string message)
    {
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private string Now() => time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
