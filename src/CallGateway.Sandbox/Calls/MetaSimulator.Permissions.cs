using System.Text.Json.Nodes;
using CallGateway.Sandbox.Graph;

namespace CallGateway.Sandbox.Calls;

public sealed partial class MetaSimulator
{
    /// <summary>Meta's limits per business and user (reference: 1 request per 24 h, 2 per 7 days; connected calls per 24 h).</summary>
    public const int PermissionRequestsPerDay = 1;
    public const int ConnectedCallsPerDay = 100;

    /// <summary>GET call_permissions: the user's permission and what the business may do now.</summary>
    public JsonObject CallPermissions(string? userWaId)
    {
        if (string.IsNullOrWhiteSpace(userWaId) || !userWaId.TrimStart('+').All(char.IsAsciiDigit))
        {
            throw SandboxGraphException.InvalidParameter("The parameter user_wa_id is required and must be a phone number.");
        }

        var user = users.Get(userWaId);
        var now = time.GetUtcNow();
        var permission = new JsonObject { ["status"] = user.MayBeCalled(now) ? user.PermissionStatus : "no_permission" };
        if (user.PermissionStatus == "temporary" && user.PermissionExpiresAt is { } expires && expires > now)
        {
            permission["expiration_time"] = expires.ToUnixTimeSeconds();
        }

        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["permission"] = permission,
            ["actions"] = new JsonArray
            {
                Action("send_call_permission_request", user.PermissionRequestsToday < PermissionRequestsPerDay, "PT24H", PermissionRequestsPerDay, user.PermissionRequestsToday),
                Action("start_call", user.MayBeCalled(now) && user.CallsStartedToday < ConnectedCallsPerDay, "PT24H", ConnectedCallsPerDay, user.CallsStartedToday),
            },
        };
    }

    /// <summary>POST messages: only the interactive call_permission_request is simulated; the user answers per their setting.</summary>
    public string SendMessage(JsonNode? body)
    {
        var to = body?["to"].AsString();
        var interactiveType = body?["interactive"]?["type"].AsString();
        if (body?["messaging_product"].AsString() != "whatsapp" || string.IsNullOrWhiteSpace(to))
        {
            throw SandboxGraphException.InvalidParameter("messaging_product must be \"whatsapp\" and to is required.");
        }

        if (body["type"].AsString() != "interactive" || interactiveType != "call_permission_request")
        {
            throw SandboxGraphException.InvalidParameter("The sandbox only simulates interactive call_permission_request messages.");
        }

        var user = users.Get(to);
        if (user.PermissionRequestsToday >= PermissionRequestsPerDay)
        {
            throw new SandboxGraphException(400, 138009, "Call permission request limit reached for this user.");
        }

        user.PermissionRequestsToday++;
        var messageId = SandboxCallStore.NewMessageId();
        if (user.PermissionRequestReply is { } reply)
        {
            _ = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time).ConfigureAwait(false);
                ReplyToPermissionRequest(user.Number, messageId, reply, permanent: false);
            });
        }

        return messageId;
    }

    /// <summary>The user answers a permission request (or grants one by calling): updates the permission and sends the webhook.</summary>
    public void ReplyToPermissionRequest(string userNumber, string? contextId, string response, bool permanent, string source = "user_action")
    {
        var user = users.Get(userNumber);
        var accepted = response == "accept";
        user.PermissionStatus = accepted ? (permanent ? "permanent" : "temporary") : "no_permission";
        user.PermissionExpiresAt = accepted && !permanent ? time.GetUtcNow().AddDays(7) : null;
        webhooks.Enqueue("call_permission_reply", null,
            Webhook.PermissionReply(SandboxCallStore.NewMessageId(), user.Number, contextId, response, permanent, user.PermissionExpiresAt, source));
    }

    private static JsonObject Action(string name, bool can, string period, int max, int used)
    {
        var limit = new JsonObject { ["time_period"] = period, ["max_allowed"] = max, ["current_usage"] = used };
        return new JsonObject { ["action_name"] = name, ["can_perform_action"] = can, ["limits"] = new JsonArray { limit } };
    }
}
