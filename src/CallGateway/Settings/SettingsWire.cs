using System.Net;
using System.Text.Json;
using CallGateway.Meta.Graph;

namespace CallGateway.Settings;

/// <summary>Meta's wire form of the settings: the same records in snake_case, inside <c>{"calling":{...}}</c>.</summary>
public static class SettingsWire
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The <c>calling</c> object of a <c>GET /settings</c> answer (empty when Meta sent none).</summary>
    public static CallingSettings FromGraph(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("calling", out var calling) || calling.ValueKind != JsonValueKind.Object)
        {
            return new CallingSettings(null, null, null, null, null);
        }

        try
        {
            return calling.Deserialize<CallingSettings>(Options) ?? new CallingSettings(null, null, null, null, null);
        }
        catch (JsonException ex)
        {
            throw new MetaGraphException("Graph settings returned a calling object this gateway cannot read.", HttpStatusCode.OK, null, false, true, ex);
        }
    }

    /// <summary>The body of <c>POST /settings</c>. SIP passwords are never sent: Meta generates them.</summary>
    public static JsonElement ToGraph(CallingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sip = settings.Sip is { Servers: { } servers } s
            ? s with { Servers = servers.Select(server => server is null ? null! : server with { SipUserPassword = null }).ToList() }
            : settings.Sip;
        return JsonSerializer.SerializeToElement(new Dictionary<string, CallingSettings> { ["calling"] = settings with { Sip = sip } }, Options);
    }
}
