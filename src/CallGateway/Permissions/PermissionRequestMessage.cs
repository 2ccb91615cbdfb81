using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallGateway.Permissions;

/// <summary>The interactive <c>call_permission_request</c> message of <c>POST /{phone-number-id}/messages</c> (Meta, "Obtain user call permissions").</summary>
public static class PermissionRequestMessage
{
    public static JsonElement Build(string waId, string bodyText) =>
        JsonSerializer.SerializeToElement(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = waId,
            ["type"] = "interactive",
            ["interactive"] = new JsonObject
            {
                ["type"] = "call_permission_request",
                ["action"] = new JsonObject { ["name"] = "call_permission_request" },
                ["body"] = new JsonObject { ["text"] = bodyText },
            },
        });
}
