using System.Text.Json;

namespace CallGateway.Meta.Webhooks;

/// <summary>
/// Turns a verified webhook body into normalised events. A payload may hold several entries, each with several
/// changes, each with several calls/statuses/messages; every one becomes its own event.
/// </summary>
public static class WebhookParser
{
    public static WebhookParseResult Parse(ReadOnlySpan<byte> body)
    {
        WebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body, MetaJsonContext.Default.WebhookPayload);
        }
        catch (JsonException ex)
        {
            return new WebhookParseResult($"Body is not valid webhook JSON: {ex.Message}", [], []);
        }

        if (payload is null)
        {
            return new WebhookParseResult("Body is JSON null.", [], []);
        }

        var events = new List<MetaWebhookEvent>();
        var ignored = new List<string>();
        foreach (var entry in payload.Entry ?? [])
        {
            foreach (var change in entry?.Changes ?? [])
            {
                ReadChange(change, events, ignored);
            }
        }

        return new WebhookParseResult(null, events, ignored);
    }

    private static void ReadChange(WebhookChange? change, List<MetaWebhookEvent> events, List<string> ignored)
    {
        var value = change?.Value;
        if (change is null || value is null)
        {
            ignored.Add("change without value");
            return;
        }

        var phoneNumberId = value.Metadata?.PhoneNumberId;
        switch (change.Field)
        {
            case "calls":
                foreach (var call in value.Calls ?? [])
                {
                    AddCall(call, value, phoneNumberId, events, ignored);
                }

                foreach (var status in value.Statuses ?? [])
                {
                    AddStatus(status, phoneNumberId, events, ignored);
                }

                break;
            case "messages":
                foreach (var message in value.Messages ?? [])
                {
                    AddPermissionReply(message, phoneNumberId, events, ignored);
                }

                break;
            default:
                ignored.Add($"field '{change.Field}'");
                break;
        }
    }

    private static void AddCall(WebhookCall? call, WebhookValue value, string? phoneNumberId, List<MetaWebhookEvent> events, List<string> ignored)
    {
        if (call is null || string.IsNullOrWhiteSpace(call.Id))
        {
            ignored.Add("call without id");
            return;
        }

        switch (call.Event)
        {
            case "connect":
                var session = SessionOf(call);
                if (session is null)
                {
                    ignored.Add($"connect {call.Id} without SDP");
                    return;
                }

                events.Add(new CallConnectNotification(call.Id, call.From, call.To, call.Direction, session.Value.Type, session.Value.Sdp, call.BizOpaqueCallbackData)
                {
                    Timestamp = call.Timestamp ?? 0,
                    PhoneNumberId = phoneNumberId,
                });
                break;
            case "terminate":
                events.Add(new CallTerminateNotification(
                    call.Id, call.From, call.To, call.Direction, call.Status, call.StartTime, call.EndTime, call.Duration,
                    call.BizOpaqueCallbackData, call.Errors ?? value.Errors ?? [])
                {
                    Timestamp = call.Timestamp ?? 0,
                    PhoneNumberId = phoneNumberId,
                });
                break;
            default:
                ignored.Add($"call event '{call.Event}' for {call.Id}");
                break;
        }
    }

    private static (string Type, string Sdp)? SessionOf(WebhookCall call)
    {
        if (!string.IsNullOrEmpty(call.Session?.Sdp))
        {
            return (call.Session.SdpType ?? "", call.Session.Sdp);
        }

        // Older payloads carry the session as JSON inside a string: connection.webrtc.sdp = "{\"sdp\":...,\"type\":...}".
        var legacy = call.Connection?.Webrtc?.Sdp;
        if (string.IsNullOrEmpty(legacy))
        {
            return null;
        }

        try
        {
            var inner = JsonSerializer.Deserialize(legacy, MetaJsonContext.Default.LegacySessionDescription);
            return string.IsNullOrEmpty(inner?.Sdp) ? null : (inner.Type ?? "", inner.Sdp);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AddStatus(WebhookStatus? status, string? phoneNumberId, List<MetaWebhookEvent> events, List<string> ignored)
    {
        if (status is null || string.IsNullOrWhiteSpace(status.Id) || string.IsNullOrWhiteSpace(status.Status))
        {
            ignored.Add("status without id or status");
            return;
        }

        if (status.Type is not null && !string.Equals(status.Type, "call", StringComparison.OrdinalIgnoreCase))
        {
            ignored.Add($"status of type '{status.Type}'");
            return;
        }

        events.Add(new CallStatusNotification(status.Id, status.Status.ToUpperInvariant(), status.RecipientId, status.BizOpaqueCallbackData, status.Errors ?? [])
        {
            Timestamp = status.Timestamp ?? 0,
            PhoneNumberId = phoneNumberId,
        });
    }

    private static void AddPermissionReply(WebhookMessage? message, string? phoneNumberId, List<MetaWebhookEvent> events, List<string> ignored)
    {
        var reply = message?.Interactive?.CallPermissionReply;
        if (message is null || !string.Equals(message.Interactive?.Type, "call_permission_reply", StringComparison.Ordinal) || reply is null)
        {
            ignored.Add($"message of type '{message?.Interactive?.Type ?? message?.Type}'");
            return;
        }

        if (string.IsNullOrWhiteSpace(message.Id) || string.IsNullOrWhiteSpace(message.From) || string.IsNullOrWhiteSpace(reply.Response))
        {
            ignored.Add("call_permission_reply without id, from or response");
            return;
        }

        events.Add(new CallPermissionReplyNotification(
            message.Id, message.From, message.Context?.Id, reply.Response, reply.IsPermanent ?? false, reply.ExpirationTimestamp, reply.ResponseSource)
        {
            Timestamp = message.Timestamp ?? 0,
            PhoneNumberId = phoneNumberId,
        });
    }
}
