using System.Net;
using System.Net.Sockets;

namespace CallGateway.Media.Sdp;

/// <summary>
/// The <c>c=</c> line (RFC 8866 §5.7): <c>c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;</c>,
/// e.g. <c>c=IN IP4 31.13.65.130</c>.
/// </summary>
/// <remarks>
/// The address is kept as text: it may be an IPv4/IPv6 literal, an FQDN, or a multicast address with a
/// <c>/ttl/count</c> suffix. In WebRTC it only carries the default candidate (RFC 8839 §4.2.1) and is never a
/// candidate itself.
/// </remarks>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>Builds <c>IN IP4 a.b.c.d</c> or <c>IN IP6 x::y</c> for an IP literal.</summary>
    public static SdpConnection ForAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var addrType = address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        return new SdpConnection("IN", addrType, address.ToString());
    }

    /// <summary>The text after <c>c=</c>.</summary>
    public override string ToString() => NetworkType + " " + AddressType + " " + Address;
}
