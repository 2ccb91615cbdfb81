namespace CallGateway.Media.Ice;

/// <summary>
/// Relaxations of <see cref="RemoteAddressPolicy"/>. The defaults refuse everything that is not a public unicast
/// address, which is right for a service whose only legitimate peer (Meta's edge) is on the public internet.
/// </summary>
public sealed record RemoteAddressPolicyOptions
{
    /// <summary>The production default: nothing relaxed.</summary>
    public static RemoteAddressPolicyOptions Default { get; } = new();

    /// <summary>Allow 127.0.0.0/8 and ::1 (tests and same-host sandboxes).</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Allow RFC 1918, CGNAT 100.64/10 and IPv6 ULA/site-local addresses (container networks, sandboxes).</summary>
    public bool AllowPrivate { get; init; }
}
