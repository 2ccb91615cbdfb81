using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CallGateway.Media.Dtls;
using CallGateway.Media.Transport;

namespace CallGateway.Media.Session;

/// <summary>
/// The media engine's knobs (pion's SettingEngine): where sockets bind, what address is advertised, which remote
/// addresses are acceptable, codec settings and timeouts. Bound from the <c>Media</c> section.
/// </summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Local address media sockets bind to (default: all IPv4 interfaces).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// The address put in our ICE candidates: the public IP (or 1:1 NAT address) Meta's media servers can reach.
    /// Default: the bind address, or the machine's first non-loopback IPv4 address when binding to all.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>First UDP port for media (0 with <see cref="PortMax"/> 0: any free port).</summary>
    public int PortMin { get; set; }

    public int PortMax { get; set; }

    /// <summary>Accept remote candidates on loopback (tests and the local sandbox only).</summary>
    public bool AllowLoopbackCandidates { get; set; }

    /// <summary>Accept remote candidates on private (RFC 1918, ULA, CGNAT) addresses.</summary>
    public bool AllowPrivateCandidates { get; set; }

    /// <summary>Run ICE-lite, as Meta's media edge does (the sandbox's simulated phones use this).</summary>
    public bool IceLite { get; set; }

    /// <summary>Sample rate of the PCM surface: 48000 or 16000.</summary>
    public int SampleRate { get; set; } = 48000;

    public int OpusBitrate { get; set; } = 32000;

    /// <summary>Opus encoder complexity 0-10: the main capacity knob (10 costs about twice 5).</summary>
    public int OpusComplexity { get; set; } = 5;

    /// <summary>WhatsApp offers useinbandfec=1: send FEC so a lost packet can be rebuilt from the next one.</summary>
    public bool OpusInbandFec { get; set; } = true;

    public int OpusExpectedLossPercent { get; set; } = 10;

    /// <summary>Also offer PCMU/PCMA in our offers.</summary>
    public bool OfferG711 { get; set; } = true;

    public int IceCheckingTimeoutSeconds { get; set; } = 10;

    public int ConsentExpirySeconds { get; set; } = 30;

    public int RtcpIntervalSeconds { get; set; } = 5;

    /// <summary>Media clock threads (0: one per core).</summary>
    public int ClockWorkers { get; set; }

    public DtlsOptions Dtls { get; set; } = new();

    public PortRange Ports => new(PortMin, PortMax);

    public IPAddress ParsedBindAddress => IPAddress.Parse(BindAddress);

    /// <summary>Returns every configuration problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            problems.Add("Media:BindAddress must be an IP address.");
        }

        if (AdvertisedAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
        {
            problems.Add("Media:AdvertisedAddress must be an IP address (the public IP Meta can reach).");
        }

        if (!Ports.IsValid)
        {
            problems.Add("Media:PortMin/PortMax must be 1024-65535 with PortMin <= PortMax, or both 0.");
        }

        if (SampleRate is not (48000 or 16000))
        {
            problems.Add("Media:SampleRate must be 48000 or 16000.");
        }

        if (OpusComplexity is < 0 or > 10 || OpusBitrate is < 6000 or > 510000)
        {
            problems.Add("Media:OpusComplexity must be 0-10 and Media:OpusBitrate 6000-510000.");
        }

        return problems;
    }

    /// <summary>The address our candidates advertise.</summary>
    public IPAddress ResolveAdvertisedAddress()
    {
        if (AdvertisedAddress is { Length: > 0 } configured)
        {
            return IPAddress.Parse(configured);
        }

        var bind = ParsedBindAddress;
        if (!bind.Equals(IPAddress.Any) && !bind.Equals(IPAddress.IPv6Any))
        {
            return bind;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
