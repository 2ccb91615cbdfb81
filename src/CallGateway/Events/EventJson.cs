using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallGateway.Events;

/// <summary>The one JSON shape of events, shared by the SSE stream and outgoing webhooks.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(CallEventMessage message) => JsonSerializer.Serialize(message, Options);
}
