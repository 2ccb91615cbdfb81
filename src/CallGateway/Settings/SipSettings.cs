namespace CallGateway.Settings;

/// <summary>SIP signaling settings (<c>sip</c> at Meta).</summary>
/// <param name="Status">ENABLED or DISABLED (default).</param>
/// <param name="Servers">One server per app.</param>
public sealed record SipSettings(string? Status, IReadOnlyList<SipServer>? Servers);
