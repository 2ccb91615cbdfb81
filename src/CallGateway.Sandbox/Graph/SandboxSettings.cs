using System.Text.Json.Nodes;

namespace CallGateway.Sandbox.Graph;

/// <summary>The business number's settings as the sandbox stores them (the reference's GET sample by default).</summary>
public sealed class SandboxSettings
{
    private readonly Lock _gate = new();
    private readonly JsonObject _calling = new()
    {
        ["status"] = "ENABLED",
        ["call_icon_visibility"] = "DEFAULT",
        ["callback_permission_status"] = "ENABLED",
        ["call_hours"] = new JsonObject { ["status"] = "DISABLED", ["timezone_id"] = "UTC", ["weekly_operating_hours"] = new JsonArray(), ["holiday_schedule"] = new JsonArray() },
        ["sip"] = new JsonObject { ["status"] = "DISABLED", ["servers"] = new JsonArray() },
    };

    /// <summary>The SIP password Meta would return with include_sip_credentials=true.</summary>
    public string SipPassword { get; } = "sandbox-sip-" + Guid.NewGuid().ToString("N")[..12];

    public JsonObject Get(bool includeSipCredentials)
    {
        lock (_gate)
        {
            var calling = (JsonObject)_calling.DeepClone();
            if (includeSipCredentials && calling["sip"]?["servers"] is JsonArray servers)
            {
                foreach (var server in servers.OfType<JsonObject>())
                {
                    server["sip_user_password"] = SipPassword;
                }
            }

            return new JsonObject { ["calling"] = calling, ["id"] = "sandbox" };
        }
    }

    /// <summary>Applies a settings update. Like Meta, call_hours replaces the stored call_hours entirely.</summary>
    public void Update(JsonObject calling)
    {
        ArgumentNullException.ThrowIfNull(calling);
        lock (_gate)
        {
            foreach (var (key, value) in calling)
            {
                _calling[key] = value?.DeepClone();
            }

            if (calling["call_hours"] is JsonObject hours && hours["holiday_schedule"] is null)
            {
                // Reference: when holiday_schedule is omitted, the existing schedule is deleted.
                ((JsonObject)_calling["call_hours"]!)["holiday_schedule"] = new JsonArray();
            }
        }
    }
}
