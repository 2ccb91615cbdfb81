using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace CallGateway.Media.Sdp;

/// <summary>
/// An ICE candidate as carried in <c>a=candidate</c> (RFC 8839 §5.1):
/// <code>
/// candidate:&lt;foundation&gt; &lt;component&gt; &lt;transport&gt; &lt;priority&gt; &lt;connection-address&gt; &lt;port&gt;
///           typ &lt;cand-type&gt; [raddr &lt;address&gt;] [rport &lt;port&gt;] *(&lt;ext-name&gt; &lt;ext-value&gt;)
/// candidate:2754936280 1 udp 2113937151 31.13.65.130 3482 typ host generation 0 network-cost 50 ufrag kv6Jn8vBmEds/8
/// </code>
/// </summary>
/// <remarks>
/// The address stays text: it is an IPv4 or IPv6 literal, or an FQDN (mDNS <c>.local</c> names from browsers).
/// Unknown extensions are kept in order so <see cref="ToAttributeValue"/> reproduces a canonical line exactly.
/// Immutable after parsing.
/// </remarks>
public sealed class SdpCandidate
{
    private const int MaxTextLength = 4096;

    public SdpCandidate(string foundation, int component, string transport, uint priority, string address, int port, string type)
    {
        Foundation = foundation;
        Component = component;
        Transport = transport;
        Priority = priority;
        Address = address;
        Port = port;
        Type = type;
    }

    /// <summary>1 to 32 ice-chars (RFC 8839 §5.1).</summary>
    public string Foundation { get; }

    /// <summary>1 = RTP, 2 = RTCP (unused with rtcp-mux).</summary>
    public int Component { get; }

    /// <summary>As written ("udp", "UDP", "tcp"); compare case-insensitively.</summary>
    public string Transport { get; }

    public uint Priority { get; }

    public string Address { get; }

    public int Port { get; }

    /// <summary>"host", "srflx", "prflx", "relay" or an extension token.</summary>
    public string Type { get; }

    public string? RelatedAddress { get; init; }

    public int? RelatedPort { get; init; }

    public IReadOnlyList<SdpCandidateExtension> Extensions { get; init; } = [];

    public bool IsUdp => string.Equals(Transport, "udp", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>generation</c> extension (Chromium), or null.</summary>
    public int? Generation => int.TryParse(GetExtension("generation"), NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;

    /// <summary>The <c>ufrag</c> extension (Chromium, Meta, werift), or null.</summary>
    public string? Ufrag => GetExtension("ufrag");

    public string? NetworkId => GetExtension("network-id");

    public string? NetworkCost => GetExtension("network-cost");

    /// <summary>RFC 6544 <c>tcptype</c> (active, passive, so), or null.</summary>
    public string? TcpType => GetExtension("tcptype");

    /// <summary>The value of the first extension with this name (case-insensitive), or null.</summary>
    public string? GetExtension(string name)
    {
        foreach (var extension in Extensions)
        {
            if (string.Equals(extension.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return extension.Value;
            }
        }

        return null;
    }

    /// <summary>The candidate's IP endpoint, or false when the address is an FQDN.</summary>
    public bool TryGetEndPoint([NotNullWhen(true)] out IPEndPoint? endPoint)
    {
        endPoint = IPAddress.TryParse(Address, out var ip) ? new IPEndPoint(ip, Port) : null;
        return endPoint is not null;
    }

    /// <summary>
    /// Parses a candidate from <c>a=candidate:...</c>, <c>candidate:...</c> (trickle form) or the bare attribute value.
    /// Never throws; malformed input returns false.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SdpCandidate? candidate)
    {
        candidate = null;
        if (text is null || text.Length > MaxTextLength)
        {
            return false;
        }

        var value = StripPrefix(text);
        var f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 8 || !IsFoundation(f[0]) || !SdpSyntax.IsToken(f[2]) || !SdpSyntax.IsToken(f[7])
            || !SdpSyntax.TryParseInt32(f[1], 1, 256, out var component)
            || f[1].Length > 3 || f[3].Length > 10
            || !SdpSyntax.TryParseUInt32(f[3], out var priority)
            || !SdpSyntax.TryParseInt32(f[5], 0, 65535, out var port)
            || !string.Equals(f[6], "typ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!TryParseTail(f, out var relatedAddress, out var relatedPort, out var extensions))
        {
            return false;
        }

        candidate = new SdpCandidate(f[0], component, f[2], priority, f[4], port, f[7])
        {
            RelatedAddress = relatedAddress,
            RelatedPort = relatedPort,
            Extensions = extensions,
        };
        return true;
    }

    /// <summary>The attribute value (what follows <c>a=candidate:</c>).</summary>
    public string ToAttributeValue()
    {
        var sb = new StringBuilder(128);
        sb.Append(Foundation).Append(' ').Append(Component.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(Transport).Append(' ').Append(Priority.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(Address).Append(' ').Append(Port.ToString(CultureInfo.InvariantCulture))
            .Append(" typ ").Append(Type);
        if (RelatedAddress is not null)
        {
            sb.Append(" raddr ").Append(RelatedAddress);
        }

        if (RelatedPort is { } relatedPort)
        {
            sb.Append(" rport ").Append(relatedPort.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var extension in Extensions)
        {
            sb.Append(' ').Append(extension.Name).Append(' ').Append(extension.Value);
        }

        return sb.ToString();
    }

    public SdpAttribute ToAttribute() => new("candidate", ToAttributeValue());

    public override string ToString() => "candidate:" + ToAttributeValue();

    private static string StripPrefix(string text)
    {
        var value = text.AsSpan().Trim();
        if (value.StartsWith("a=", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.StartsWith("candidate:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["candidate:".Length..];
        }

        return value.ToString();
    }

    /// <summary>RFC 8839 §5.1: foundation = 1*32ice-char; ice-char = ALPHA / DIGIT / "+" / "/".</summary>
    internal static bool IsFoundation(string value)
    {
        if (value.Length is 0 or > 32)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>[raddr X] [rport Y] *(name value): the rest of the line is name/value pairs.</summary>
    private static bool TryParseTail(
        string[] f,
        out string? relatedAddress,
        out int? relatedPort,
        [NotNullWhen(true)] out List<SdpCandidateExtension>? extensions)
    {
        relatedAddress = null;
        relatedPort = null;
        extensions = null;
        if ((f.Length - 8) % 2 != 0)
        {
            return false;
        }

        var list = new List<SdpCandidateExtension>();
        for (var i = 8; i < f.Length; i += 2)
        {
            var name = f[i];
            var relatedAllowed = list.Count == 0 && relatedPort is null;
            if (relatedAllowed && relatedAddress is null && name.Equals("raddr", StringComparison.OrdinalIgnoreCase))
            {
                relatedAddress = f[i + 1];
            }
            else if (relatedAllowed && name.Equals("rport", StringComparison.OrdinalIgnoreCase))
            {
                if (!SdpSyntax.TryParseInt32(f[i + 1], 0, 65535, out var rport))
                {
                    return false;
                }

                relatedPort = rport;
            }
            else if (SdpSyntax.IsToken(name))
            {
                list.Add(new SdpCandidateExtension(name, f[i + 1]));
            }
            else
            {
                return false;
            }
        }

        extensions = list;
        return true;
    }
}
