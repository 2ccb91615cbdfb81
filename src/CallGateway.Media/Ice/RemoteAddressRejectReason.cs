namespace CallGateway.Media.Ice;

/// <summary>Why <see cref="RemoteAddressPolicy"/> refused a remote address (for logs and metrics).</summary>
public enum RemoteAddressRejectReason
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>127.0.0.0/8 or ::1.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16, 100.64/10 (CGNAT, RFC 6598), fc00::/7 (ULA) or fec0::/10.</summary>
    Private,

    /// <summary>169.254/16 (including the 169.254.169.254 cloud metadata service) or fe80::/10.</summary>
    LinkLocal,

    /// <summary>0.0.0.0/8 or ::.</summary>
    Unspecified,

    /// <summary>224.0.0.0/4 or ff00::/8.</summary>
    Multicast,

    /// <summary>255.255.255.255.</summary>
    Broadcast,

    /// <summary>240.0.0.0/4 ("class E", reserved).</summary>
    Reserved,

    /// <summary>Port 0 is not a usable destination.</summary>
    InvalidPort,

    /// <summary>Ports below 1024 are system services, never WebRTC media.</summary>
    PrivilegedPort,

    /// <summary>A DNS name (RFC 8445 §5.1.1 FQDN candidates are not resolved, to avoid DNS-driven SSRF).</summary>
    Hostname,

    /// <summary>An mDNS ".local" name (RFC 8828 obfuscated host candidate); never resolved.</summary>
    MdnsHostname,

    /// <summary>Not an IPv4 or IPv6 address, or empty.</summary>
    InvalidAddress,
}
