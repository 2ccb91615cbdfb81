using System.Text.Json.Nodes;

namespace CallGateway.Sandbox.Graph;

internal static class JsonNodeExtensions
{
    /// <summary>The node's string value, or null when it is missing or not a string (never throws).</summary>
    public static string? AsString(this JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
