using System.Net;
using System.Net.Sockets;

namespace CallGateway.Media.Ice;

/// <summary>
/// Decides whether a remote ICE address may be used: as a remote candidate, as the source of a STUN packet, or as a
/// peer-reflexive candidate. A pure function of the address and options.
/// </summary>
/// <remarks>
/// Why: remote candidates come from the peer's SDP and STUN sources from the network. Without a policy, a caller
/// could make the gateway send connectivity checks (and, after a spoofed-but-authenticated exchange, media) to
/// internal services, loopback or the cloud metadata endpoint (the SSRF class of problems; RFC 8445 §19 notes
/// checks can be aimed at third parties). Refused: loopback, private (RFC 1918, RFC 6598 CGNAT, ULA), link-local
/// (including 169.254.169.254), unspecified, multicast, broadcast and class E, the same ranges embedded in
/// IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96) and NAT64 (64:ff9b::/96) IPv6 forms, port 0 and ports below
/// 1024, and any DNS or mDNS name (never resolved). Loopback and private ranges can be allowed by options;
/// the others cannot.
/// </remarks>
public static class RemoteAddressPolicy
{
    private const int MinimumPort = 1024;

    /// <summary>Evaluates an IP endpoint.</summary>
    public static RemoteAddressDecision Evaluate(IPEndPoint endPoint, RemoteAddressPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(options);
        RemoteAddressRejectReason reason = Classify(endPoint.Address);
        if (reason == RemoteAddressRejectReason.None || IsRelaxed(reason, options))
        {
            return EvaluatePort(endPoint.Port);
        }

        return RemoteAddressDecision.Refused(reason);
    }

    /// <summary>
    /// Evaluates the connection-address text of an SDP candidate before it becomes an <see cref="IPEndPoint"/>:
    /// anything but an IP literal (an FQDN or an mDNS ".local" name) is refused without resolving it.
    /// IPv4 must be in canonical dotted-decimal form, so that shorthand such as "127.1" or "2130706433" is not
    /// silently reinterpreted.
    /// </summary>
    public static RemoteAddressDecision Evaluate(string host, int port, RemoteAddressPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(host))
        {
            return RemoteAddressDecision.Refused(RemoteAddressRejectReason.InvalidAddress);
        }

        if (!TryParseLiteral(host, out IPAddress? address))
        {
            string trimmed = host.TrimEnd('.');
            bool mdns = trimmed.EndsWith(".local", StringComparison.OrdinalIgnoreCase);
            bool looksLikeName = trimmed.Length > 0 && !trimmed.Contains(':', StringComparison.Ordinal);
            return RemoteAddressDecision.Refused(
                mdns ? RemoteAddressRejectReason.MdnsHostname
                : looksLikeName ? RemoteAddressRejectReason.Hostname
                : RemoteAddressRejectReason.InvalidAddress);
        }

        if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            return RemoteAddressDecision.Refused(RemoteAddressRejectReason.InvalidPort);
        }

        return Evaluate(new IPEndPoint(address, port), options);
    }

    /// <summary>The range an address falls in, or <see cref="RemoteAddressRejectReason.None"/> for public unicast.</summary>
    public static RemoteAddressRejectReason Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int length))
        {
            return RemoteAddressRejectReason.InvalidAddress;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork when length == 4 => ClassifyIPv4(bytes[..4]),
            AddressFamily.InterNetworkV6 when length == 16 => ClassifyIPv6(bytes[..16]),
            _ => RemoteAddressRejectReason.InvalidAddress,
        };
    }

    private static bool IsRelaxed(RemoteAddressRejectReason reason, RemoteAddressPolicyOptions options) =>
        (reason == RemoteAddressRejectReason.Loopback && options.AllowLoopback)
        || (reason == RemoteAddressRejectReason.Private && options.AllowPrivate);

    private static RemoteAddressDecision EvaluatePort(int port) => port switch
    {
        0 => RemoteAddressDecision.Refused(RemoteAddressRejectReason.InvalidPort),
        < MinimumPort => RemoteAddressDecision.Refused(RemoteAddressRejectReason.PrivilegedPort),
        _ => RemoteAddressDecision.Allowed,
    };

    private static RemoteAddressRejectReason ClassifyIPv4(ReadOnlySpan<byte> a)
    {
        return a[0] switch
        {
            0 => RemoteAddressRejectReason.Unspecified,                                    // 0.0.0.0/8
            10 => RemoteAddressRejectReason.Private,                                       // 10/8
            100 when (a[1] & 0xC0) == 64 => RemoteAddressRejectReason.Private,              // 100.64/10 (RFC 6598)
            127 => RemoteAddressRejectReason.Loopback,                                     // 127/8
            169 when a[1] == 254 => RemoteAddressRejectReason.LinkLocal,                   // 169.254/16
            172 when (a[1] & 0xF0) == 16 => RemoteAddressRejectReason.Private,              // 172.16/12
            192 when a[1] == 168 => RemoteAddressRejectReason.Private,                     // 192.168/16
            >= 224 and <= 239 => RemoteAddressRejectReason.Multicast,                      // 224/4
            255 when a[1] == 255 && a[2] == 255 && a[3] == 255 => RemoteAddressRejectReason.Broadcast,
            >= 240 => RemoteAddressRejectReason.Reserved,                                  // 240/4
            _ => RemoteAddressRejectReason.None,
        };
    }

    private static RemoteAddressRejectReason ClassifyIPv6(ReadOnlySpan<byte> a)
    {
        bool firstTenZero = a[..10].IndexOfAnyExcept((byte)0) < 0;
        if (firstTenZero && a[10] == 0xFF && a[11] == 0xFF)
        {
            return ClassifyIPv4(a[12..]); // ::ffff:a.b.c.d (IPv4-mapped)
        }

        if (firstTenZero && a[10] == 0 && a[11] == 0)
        {
            if (a[12..15].IndexOfAnyExcept((byte)0) < 0 && a[15] <= 1)
            {
                return a[15] == 0 ? RemoteAddressRejectReason.Unspecified : RemoteAddressRejectReason.Loopback;
            }

            return ClassifyIPv4(a[12..]); // ::a.b.c.d (deprecated IPv4-compatible)
        }

        if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xFF && a[3] == 0x9B && a[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return ClassifyIPv4(a[12..]); // 64:ff9b::/96 (NAT64 well-known prefix, RFC 6052)
        }

        return a[0] switch
        {
            0xFF => RemoteAddressRejectReason.Multicast,                                   // ff00::/8
            0xFC or 0xFD => RemoteAddressRejectReason.Private,                             // fc00::/7
            0xFE when (a[1] & 0xC0) == 0x80 => RemoteAddressRejectReason.LinkLocal,         // fe80::/10
            0xFE when (a[1] & 0xC0) == 0xC0 => RemoteAddressRejectReason.Private,           // fec0::/10
            _ => RemoteAddressRejectReason.None,
        };
    }

    private static bool TryParseLiteral(string host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (host.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(host, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return IPAddress.TryParse(host, out address)
            && address.AddressFamily == AddressFamily.InterNetwork
            && string.Equals(address.ToString(), host, StringComparison.Ordinal);
    }
}
