using System.Net;
using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

public class SdpCandidateTests
{
    private static readonly string[] CanonicalValues =
    [
        // Meta (webhook connect answer): IPv4 and IPv6 host candidates.
        "2754936280 1 udp 2113937151 31.13.65.130 3482 typ host generation 0 network-cost 50 ufrag kv6Jn8vBmEds/8",
        "1581496399 1 udp 2113939711 2a03:2880:f211:d1:face:b00c:0:699c 3482 typ host generation 0 network-cost 50 ufrag kv6Jn8vBmEds/8",
        // Chromium (webrtc-test-peers.md): UDP host and TCP active with tcptype.
        "4149881134 1 udp 2122260223 127.0.0.1 57292 typ host generation 0 network-id 1 network-cost 50",
        "166788538 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 1 network-cost 50",
        // werift: 25-character hex foundation.
        "626da4e5384a0ce2d0d93678a 1 udp 2116026367 127.0.0.1 45367 typ host generation 0 ufrag b7c3",
        // RFC 8839 §5.1 example (server reflexive with related address and port).
        "2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998",
        // mDNS host candidate (FQDN kept as text) and an unknown extension kept in place.
        "1 1 udp 2122260223 9b36eaac-bb2e-49bb-bb78-21c41c499900.local 59123 typ host x-custom value generation 0",
        "f+/9 2 udp 1 ::1 0 typ relay raddr 0.0.0.0 rport 0",
    ];

    public static TheoryData<string> Canonical => new(CanonicalValues);

    [Theory]
    [MemberData(nameof(Canonical))]
    public void TryParse_CanonicalValue_FormatsBackIdentically(string value)
    {
        Assert.True(SdpCandidate.TryParse(value, out var candidate));

        Assert.Equal(value, candidate.ToAttributeValue());
        Assert.Equal("candidate:" + value, candidate.ToString());
        Assert.Equal(new SdpAttribute("candidate", value), candidate.ToAttribute());
    }

    [Fact]
    public void TryParse_MetaIpv6Candidate_AllFields()
    {
        const string line = "a=candidate:1581496399 1 udp 2113939711 2a03:2880:f211:d1:face:b00c:0:699c 3482 typ host generation 0 network-cost 50 ufrag kv6Jn8vBmEds/8";

        Assert.True(SdpCandidate.TryParse(line, out var c));

        Assert.Equal("1581496399", c.Foundation);
        Assert.Equal(1, c.Component);
        Assert.True(c.IsUdp);
        Assert.Equal(2113939711u, c.Priority);
        Assert.Equal("2a03:2880:f211:d1:face:b00c:0:699c", c.Address);
        Assert.Equal(3482, c.Port);
        Assert.Equal("host", c.Type);
        Assert.Null(c.RelatedAddress);
        Assert.Null(c.RelatedPort);
        Assert.Equal(0, c.Generation);
        Assert.Equal("50", c.NetworkCost);
        Assert.Equal("kv6Jn8vBmEds/8", c.Ufrag);
        Assert.True(c.TryGetEndPoint(out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2a03:2880:f211:d1:face:b00c:0:699c"), 3482), endPoint);
    }

    [Fact]
    public void TryParse_Rfc8839SrflxExample_RelatedAddressAndPort()
    {
        Assert.True(SdpCandidate.TryParse("candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998", out var c));

        Assert.Equal("srflx", c.Type);
        Assert.Equal("10.0.1.1", c.RelatedAddress);
        Assert.Equal(8998, c.RelatedPort);
        Assert.True(c.IsUdp);
        Assert.Empty(c.Extensions);
    }

    [Fact]
    public void TryParse_TcpAndFqdn_KeepsTcpTypeAndAddressText()
    {
        Assert.True(SdpCandidate.TryParse("166788538 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 1 network-cost 50", out var tcp));
        Assert.True(SdpCandidate.TryParse("1 1 udp 2122260223 abc.local 59123 typ host x-custom value", out var mdns));

        Assert.False(tcp.IsUdp);
        Assert.Equal("active", tcp.TcpType);
        Assert.Equal("1", tcp.NetworkId);
        Assert.Equal("abc.local", mdns.Address);
        Assert.False(mdns.TryGetEndPoint(out _));
        Assert.Equal([new SdpCandidateExtension("x-custom", "value")], mdns.Extensions);
        Assert.Equal("value", mdns.GetExtension("X-CUSTOM"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("candidate:")]
    [InlineData("1 1 udp 2113937151 31.13.65.130 3482 typ")] // no type
    [InlineData("1 1 udp 2113937151 31.13.65.130 3482 host")] // no "typ"
    [InlineData("1 1 udp 2113937151 31.13.65.130 3482 type host")]
    [InlineData("27549362801 udp 211393715131.13.65.1303482 typ host")] // Meta's sample with the spaces lost
    [InlineData("1 0 udp 1 1.2.3.4 5 typ host")] // component 0
    [InlineData("1 257 udp 1 1.2.3.4 5 typ host")] // component > 256
    [InlineData("1 1 udp 4294967296 1.2.3.4 5 typ host")] // priority > 2^32-1
    [InlineData("1 1 udp -1 1.2.3.4 5 typ host")]
    [InlineData("1 1 udp 1 1.2.3.4 65536 typ host")] // port
    [InlineData("1 1 udp 1 1.2.3.4 5 typ host generation")] // dangling extension name
    [InlineData("1 1 udp 1 1.2.3.4 5 typ srflx raddr 1.2.3.4 rport x")]
    [InlineData("123456789012345678901234567890123 1 udp 1 1.2.3.4 5 typ host")] // 33-char foundation
    [InlineData("fo-und 1 udp 1 1.2.3.4 5 typ host")] // '-' is not an ice-char
    [InlineData("1 1 u(p 1 1.2.3.4 5 typ host")] // transport not a token
    public void TryParse_Malformed_ReturnsFalse(string? value)
    {
        Assert.False(SdpCandidate.TryParse(value, out var candidate));
        Assert.Null(candidate);
    }

    [Fact]
    public void TryParse_OverlongText_ReturnsFalse()
    {
        var value = "1 1 udp 1 1.2.3.4 5 typ host" + string.Concat(Enumerable.Repeat(" a b", 1100));

        Assert.False(SdpCandidate.TryParse(value, out _));
    }

    [Fact]
    public void TryParse_SeededMutations_NeverThrowAndAcceptedOnesRoundTrip()
    {
        var random = new Random(8839);
        var seeds = CanonicalValues;
        const string alphabet = " :/.+-0123456789abctyphostudpraddrrport\t\r\n\0é";
        int accepted = 0, rejected = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var chars = seeds[random.Next(seeds.Length)].ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0 && chars.Count > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: chars.RemoveAt(at); break;
                    default: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }

            var text = new string(chars.ToArray());
            if (SdpCandidate.TryParse(text, out var candidate))
            {
                accepted++;
                Assert.True(SdpCandidate.TryParse(candidate.ToAttributeValue(), out var again), text);
                Assert.Equal(candidate.ToAttributeValue(), again.ToAttributeValue());
            }
            else
            {
                rejected++;
            }
        }

        Assert.True(accepted > 1000, $"accepted {accepted}");
        Assert.True(rejected > 1000, $"rejected {rejected}");
    }
}
