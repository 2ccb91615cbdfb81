using System.Globalization;
using System.IO.Hashing;
using System.Net;
using System.Text;

namespace CallGateway.Media.Ice;

/// <summary>
/// One ICE candidate (RFC 8445 §5.1; the fields of an SDP a=candidate line, RFC 8839 §5.1). Only UDP and component 1
/// are used: WebRTC bundles RTP and RTCP on one component (rtcp-mux).
/// </summary>
/// <param name="Foundation">Candidates with the same type, base address and transport share it (§5.1.1.3).</param>
/// <param name="Component">Component ID; 1 for RTP.</param>
/// <param name="Transport">"udp".</param>
/// <param name="Priority">RFC 8445 §5.1.2.1 priority.</param>
/// <param name="Address">Transport address (an IP literal; FQDN/mDNS candidates are never resolved).</param>
/// <param name="Type">Candidate type.</param>
public sealed record IceCandidate(
    string Foundation, int Component, string Transport, uint Priority, IPEndPoint Address, IceCandidateType Type)
{
    /// <summary>The RTP component.</summary>
    public const int RtpComponent = 1;

    /// <summary>Highest local preference (RFC 8445 §5.1.2.1), for an agent with a single address per family.</summary>
    public const int MaxLocalPreference = 65535;

    /// <summary>Optional SDP "generation" extension (RFC 8839 does not define it; browsers send it).</summary>
    public int? Generation { get; init; }

    /// <summary>Optional "ufrag" extension attribute (trickle candidates).</summary>
    public string? Ufrag { get; init; }

    /// <summary>The local preference encoded in <see cref="Priority"/>.</summary>
    public int LocalPreference => (int)((Priority >> 8) & 0xFFFF);

    /// <summary>
    /// RFC 8445 §5.1.2.1: priority = 2^24 * type preference + 2^8 * local preference + (256 - component ID).
    /// </summary>
    public static uint ComputePriority(IceCandidateType type, int localPreference = MaxLocalPreference, int component = RtpComponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localPreference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localPreference, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(component, 256);
        return (uint)((TypePreference(type) << 24) + (localPreference << 8) + (256 - component));
    }

    /// <summary>The RFC 8445 §5.1.2.2 recommended type preferences: host 126, prflx 110, srflx 100, relay 0.</summary>
    public static int TypePreference(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => 126,
        IceCandidateType.PeerReflexive => 110,
        IceCandidateType.ServerReflexive => 100,
        _ => 0,
    };

    /// <summary>
    /// A host candidate for component 1 with the RFC 8445 priority and a foundation derived from the type and IP,
    /// so that host candidates on the same address share a foundation (§5.1.1.3).
    /// </summary>
    public static IceCandidate CreateHost(IPEndPoint address, int localPreference = MaxLocalPreference)
    {
        ArgumentNullException.ThrowIfNull(address);
        uint hash = Crc32.HashToUInt32(Encoding.UTF8.GetBytes("host|udp|" + address.Address));
        return new IceCandidate(
            hash.ToString(CultureInfo.InvariantCulture),
            RtpComponent,
            "udp",
            ComputePriority(IceCandidateType.Host, localPreference),
            address,
            IceCandidateType.Host);
    }
}
