using System.Text.Json.Serialization;

namespace CallGateway.Settings;

/// <summary>
/// The business number's calling settings: Meta's <c>calling</c> object. This API names fields in camelCase; the
/// gateway sends them to Meta in snake_case (<c>callIconVisibility</c> is <c>call_icon_visibility</c>). On PUT, a field
/// left out is not changed, except <c>callHours</c>, which Meta replaces as a whole.
/// </summary>
/// <param name="Status">ENABLED or DISABLED: calling on this number.</param>
/// <param name="CallIconVisibility">DEFAULT or DISABLE_ALL (hides the call button; users cannot call unsolicited).</param>
/// <param name="CallbackPermissionStatus">ENABLED or DISABLED: ask callers for call permission after their call.</param>
/// <param name="CallHours">When users may call; outside these hours WhatsApp offers a callback request instead.</param>
/// <param name="Sip">SIP signaling. While it is ENABLED, Meta turns off the Graph calling endpoints and calling webhooks.</param>
public sealed record CallingSettings(
    string? Status,
    string? CallIconVisibility,
    string? CallbackPermissionStatus,
    CallHoursSettings? CallHours,
    SipSettings? Sip)
{
    [JsonIgnore]
    public bool IsEmpty => Status is null && CallIconVisibility is null && CallbackPermissionStatus is null && CallHours is null && Sip is null;
}
