using System.Text.Json;
using System.Text.Json.Serialization;
using CallGateway.Meta.Graph;

namespace CallGateway.Meta.Webhooks;

/// <summary>
/// Source-generated JSON for every Meta wire type: snake_case names, numbers accepted as strings (Meta sends
/// timestamps as strings), nulls omitted on write.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    MaxDepth = 32)]
[JsonSerializable(typeof(WebhookPayload))]
[JsonSerializable(typeof(LegacySessionDescription))]
[JsonSerializable(typeof(MetaWebhookEvent))]
[JsonSerializable(typeof(CallActionRequest))]
[JsonSerializable(typeof(CallActionResponse))]
[JsonSerializable(typeof(GraphErrorEnvelope))]
[JsonSerializable(typeof(CallPermissionsResponse))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class MetaJsonContext : JsonSerializerContext;
