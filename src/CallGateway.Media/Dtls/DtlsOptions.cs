namespace CallGateway.Media.Dtls;

/// <summary>
/// DTLS-SRTP settings shared by <see cref="DtlsDatagramTransport"/> and <see cref="DtlsSession"/>. The defaults suit
/// WebRTC peers (Chromium, Firefox, Meta); bind from configuration section <see cref="SectionName"/>.
/// <code>
///   "Media": { "Dtls": { "HandshakeTimeout": "00:00:10", "RetransmitTimeout": "00:00:00.200",
///                        "SrtpProfiles": [ "AeadAes128Gcm", "AesCm128HmacSha1_80" ], "MinimumFingerprintHash": "Sha256" } }
/// </code>
/// </summary>
public sealed class DtlsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Media:Dtls";

    /// <summary>Smallest receive limit accepted: browsers send datagrams up to a full Ethernet MTU.</summary>
    public const int MinimumReceiveLimit = 1500;

    private static readonly DtlsSrtpProfile[] DefaultSrtpProfiles =
        [DtlsSrtpProfile.AeadAes128Gcm, DtlsSrtpProfile.AesCm128HmacSha1_80];

    /// <summary>
    /// Upper bound for the whole handshake (BouncyCastle's own default is infinite). Default 10 s.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// First retransmission timeout of a handshake flight, doubled on each retry (RFC 6347 §4.2.4.1). Default 200 ms:
    /// BouncyCastle's 1 s default stalls the call setup by a second for every lost flight.
    /// </summary>
    public TimeSpan RetransmitTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// SRTP profiles in our preference order: offered in this order as client, selected by this order as server.
    /// Null means the default [AeadAes128Gcm, AesCm128HmacSha1_80]. (Null rather than a pre-filled list because the
    /// configuration binder appends to existing collections instead of replacing them.)
    /// </summary>
    public IReadOnlyList<DtlsSrtpProfile>? SrtpProfiles { get; set; }

    /// <summary>Weakest hash accepted in the remote <c>a=fingerprint</c>. Default sha-256 (sha-1 is rejected).</summary>
    public DtlsHashFunction MinimumFingerprintHash { get; set; } = DtlsHashFunction.Sha256;

    /// <summary>
    /// When true, fail the handshake with peers that do not support the extended master secret (RFC 7627).
    /// When false (default) it is still negotiated whenever the peer offers it, which every browser does.
    /// </summary>
    public bool RequireExtendedMasterSecret { get; set; }

    /// <summary>
    /// Largest datagram we send (BouncyCastle fragments handshake messages to fit). Default 1200 so that
    /// certificate flights survive tunnels and VPNs, as browsers do.
    /// </summary>
    public int SendLimit { get; set; } = 1200;

    /// <summary>Largest datagram accepted from the demultiplexer; larger ones are dropped and counted. Default 1500.</summary>
    public int ReceiveLimit { get; set; } = MinimumReceiveLimit;

    /// <summary>Datagrams buffered between the demultiplexer and DTLS; more are dropped and counted. Default 64.</summary>
    public int ReceiveQueueCapacity { get; set; } = 64;

    /// <summary>
    /// Test hook: raw ClientHello extensions added after our own (used to mimic a DTLS 1.3-capable browser).
    /// </summary>
    internal IReadOnlyDictionary<int, byte[]>? ExtraClientHelloExtensions { get; set; }

    /// <summary>The SRTP profiles in effect (<see cref="SrtpProfiles"/> or the default).</summary>
    public IReadOnlyList<DtlsSrtpProfile> GetEffectiveSrtpProfiles() => SrtpProfiles ?? DefaultSrtpProfiles;

    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid setting.</summary>
    public void Validate()
    {
        Require(HandshakeTimeout >= TimeSpan.FromMilliseconds(100) && HandshakeTimeout <= TimeSpan.FromMinutes(5),
            nameof(HandshakeTimeout), "must be between 100 ms and 5 min");
        Require(RetransmitTimeout >= TimeSpan.FromMilliseconds(10) && RetransmitTimeout <= TimeSpan.FromSeconds(60),
            nameof(RetransmitTimeout), "must be between 10 ms and 60 s");
        Require(SendLimit is >= 256 and <= 65507, nameof(SendLimit), "must be between 256 and 65507");
        Require(ReceiveLimit is >= MinimumReceiveLimit and <= 65507, nameof(ReceiveLimit), "must be between 1500 and 65507");
        Require(ReceiveQueueCapacity is >= 4 and <= 4096, nameof(ReceiveQueueCapacity), "must be between 4 and 4096");
        Require(Enum.IsDefined(MinimumFingerprintHash), nameof(MinimumFingerprintHash), "is not a known hash function");

        IReadOnlyList<DtlsSrtpProfile> profiles = GetEffectiveSrtpProfiles();
        Require(profiles.Count > 0, nameof(SrtpProfiles), "must list at least one profile");
        for (int i = 0; i < profiles.Count; i++)
        {
            Require(profiles[i].IsDefined(), nameof(SrtpProfiles), $"contains unknown profile {(int)profiles[i]}");
            for (int j = 0; j < i; j++)
            {
                Require(profiles[j] != profiles[i], nameof(SrtpProfiles), $"lists {profiles[i]} twice");
            }
        }
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"DtlsOptions.{name} {problem}.", name);
        }
    }
}
