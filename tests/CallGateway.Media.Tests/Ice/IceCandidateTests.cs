using System.Net;
using CallGateway.Media.Ice;

namespace CallGateway.Media.Tests.Ice;

public class IceCandidateTests
{
    // RFC 8445 §5.1.2.1: priority = 2^24 * type pref + 2^8 * local pref + (256 - component).
    // 2122260223 is Chromium's IPv4 host priority (126/32542/1); 1853824767 the peer-reflexive PRIORITY it sends.
    [Theory]
    [InlineData(IceCandidateType.Host, 65535, 1, 2130706431u)]
    [InlineData(IceCandidateType.Host, 65535, 2, 2130706430u)]
    [InlineData(IceCandidateType.Host, 32542, 1, 2122260223u)]
    [InlineData(IceCandidateType.PeerReflexive, 65535, 1, 1862270975u)]
    [InlineData(IceCandidateType.PeerReflexive, 32542, 1, 1853824767u)]
    [InlineData(IceCandidateType.ServerReflexive, 65535, 1, 1694498815u)]
    [InlineData(IceCandidateType.Relay, 0, 1, 255u)]
    [InlineData(IceCandidateType.Host, 0, 256, 2113929216u)]
    public void ComputePriority_MatchesRfc8445Formula(IceCandidateType type, int localPreference, int component, uint expected)
    {
        Assert.Equal(expected, IceCandidate.ComputePriority(type, localPreference, component));
    }

    // Meta's Calling API samples: "candidate:2754936280 1 udp 2113937151 31.13.65.130 3482 typ host" and
    // "candidate:1581496399 1 udp 2113939711 2a03:2880:f211:d1:face:b00c:0:699c 3482 typ host".
    [Theory]
    [InlineData(2113937151u, 30)]
    [InlineData(2113939711u, 40)]
    public void ComputePriority_MetaSampleHostPriorities_AreHostComponentOne(uint metaPriority, int localPreference)
    {
        Assert.Equal(metaPriority, IceCandidate.ComputePriority(IceCandidateType.Host, localPreference, 1));
        var candidate = new IceCandidate("1", 1, "udp", metaPriority, new IPEndPoint(IPAddress.Parse("31.13.65.130"), 3482), IceCandidateType.Host);
        Assert.Equal(localPreference, candidate.LocalPreference);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(65536, 1)]
    [InlineData(0, 0)]
    [InlineData(0, 257)]
    public void ComputePriority_OutOfRange_Throws(int localPreference, int component)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IceCandidate.ComputePriority(IceCandidateType.Host, localPreference, component));
    }

    [Fact]
    public void CreateHost_SameAddress_SameFoundation_DifferentAddress_DifferentFoundation()
    {
        IceCandidate a = IceCandidate.CreateHost(new IPEndPoint(IPAddress.Parse("203.0.113.1"), 40000));
        IceCandidate b = IceCandidate.CreateHost(new IPEndPoint(IPAddress.Parse("203.0.113.1"), 40002));
        IceCandidate c = IceCandidate.CreateHost(new IPEndPoint(IPAddress.Parse("203.0.113.2"), 40000));

        Assert.Equal(a.Foundation, b.Foundation);
        Assert.NotEqual(a.Foundation, c.Foundation);
        Assert.Equal(IceCandidateType.Host, a.Type);
        Assert.Equal(1, a.Component);
        Assert.Equal("udp", a.Transport);
        Assert.Equal(2130706431u, a.Priority);
        Assert.Equal(65535, a.LocalPreference);
    }

    // RFC 8445 §6.1.2.3: pair priority = 2^32*MIN(G,D) + 2*MAX(G,D) + (G>D?1:0).
    [Theory]
    [InlineData(2130706431u, 2113937151u, 9079290933605826559ul)]
    [InlineData(2113937151u, 2130706431u, 9079290933605826558ul)]
    [InlineData(5u, 5u, 21474836490ul)]
    public void PairPriority_MatchesRfc8445Formula(uint controlling, uint controlled, ulong expected)
    {
        ulong g = controlling;
        ulong d = controlled;
        ulong formula = ((ulong)Math.Min(g, d) << 32) + (2 * Math.Max(g, d)) + (g > d ? 1ul : 0ul);

        Assert.Equal(formula, IceCandidatePair.ComputePriority(controlling, controlled));
        Assert.Equal(expected, IceCandidatePair.ComputePriority(controlling, controlled));
    }
}
