using System.Text.Json.Nodes;
using CallGateway.Meta.Settings;

namespace CallGateway.Sandbox.Graph;

/// <summary>
/// What Meta checks on <c>POST /{phone-number-id}/settings</c> before storing it: the same <see cref="CallHoursRules"/>
/// the gateway applies, answered like Graph does (error 100 with Meta's text for the first broken rule).
/// </summary>
public static class SandboxSettingsRules
{
    /// <summary>Throws <see cref="SandboxGraphException"/> (code 100) when <paramref name="calling"/> breaks a rule.</summary>
    public static void Validate(JsonObject calling, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calling);
        CheckValue(calling, "status", SettingsValues.IsStatus);
        CheckValue(calling, "callback_permission_status", SettingsValues.IsStatus);
        CheckValue(calling, "call_icon_visibility", SettingsValues.IsCallIconVisibility);
        if (calling["call_hours"] is { } hoursNode)
        {
            if (hoursNode is not JsonObject hours)
            {
                throw SandboxGraphException.InvalidParameter(CallHoursViolation.MessageOf(CallHoursRule.InvalidSchedule));
            }

            var violations = CallHoursRules.Validate(ToSpec(hours), now);
            if (violations.Count > 0)
            {
                throw SandboxGraphException.InvalidParameter(violations[0].MetaMessage);
            }
        }

        if (calling["sip"] is { } sip)
        {
            CheckSip(sip);
        }
    }

    public static CallHoursSpec ToSpec(JsonObject hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new CallHoursSpec(
            hours["status"].AsString(),
            hours["timezone_id"].AsString(),
            Entries(hours["weekly_operating_hours"], e => new WeeklyHoursSpec(e["day_of_week"].AsString(), e["open_time"].AsString(), e["close_time"].AsString())),
            Entries(hours["holiday_schedule"], e => new HolidaySpec(e["date"].AsString(), e["start_time"].AsString(), e["end_time"].AsString())));
    }

    private static List<T?>? Entries<T>(JsonNode? node, Func<JsonObject, T> map)
        where T : class
    {
        if (node is null)
        {
            return null;
        }

        // Anything that is not a list of objects is a malformed schedule: an entry of nulls fails every check.
        return node is JsonArray array
            ? array.Select(e => e is JsonObject o ? map(o) : map(new JsonObject())).ToList<T?>()
            : throw SandboxGraphException.InvalidParameter(CallHoursViolation.MessageOf(CallHoursRule.InvalidSchedule));
    }

    private static void CheckValue(JsonObject calling, string name, Func<string?, bool> valid)
    {
        if (calling.ContainsKey(name) && !valid(calling[name].AsString()))
        {
            throw SandboxGraphException.InvalidParameter(CallHoursViolation.MessageOf(CallHoursRule.InvalidStatus));
        }
    }

    /// <summary>SIP: a valid status and at most one server (one per app) with a hostname and a TCP port.</summary>
    private static void CheckSip(JsonNode sip)
    {
        if (sip is not JsonObject sipObject || (sipObject.ContainsKey("status") && !SettingsValues.IsStatus(sipObject["status"].AsString())))
        {
            throw SandboxGraphException.InvalidParameter(CallHoursViolation.MessageOf(CallHoursRule.InvalidStatus));
        }

        if (sipObject["servers"] is not { } serversNode)
        {
            return;
        }

        if (serversNode is not JsonArray servers || servers.Count > 1)
        {
            throw SandboxGraphException.InvalidParameter("Only one SIP server per app is allowed in sip.servers");
        }

        foreach (var server in servers)
        {
            var port = server?["port"] is JsonValue p && p.TryGetValue<int>(out var number) ? number : (int?)null;
            if (string.IsNullOrWhiteSpace(server?["hostname"].AsString()) || port is not (> 0 and <= 65535))
            {
                throw SandboxGraphException.InvalidParameter("A SIP server needs a hostname and a port from 1 to 65535");
            }
        }
    }
}
