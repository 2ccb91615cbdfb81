using System.Net;
using CallGateway.Media.Ice;

namespace CallGateway.Media.Tests.Ice;

public class RemoteAddressPolicyTests
{
    private static readonly RemoteAddressPolicyOptions Strict = RemoteAddressPolicyOptions.Default;

    [Theory]
    // Public unicast (documentation ranges stand in for public addresses; Meta's edge sample 31.13.65.130).
    [InlineData("31.13.65.130", RemoteAddressRejectReason.None)]
    [InlineData("203.0.113.7", RemoteAddressRejectReason.None)]
    [InlineData("8.8.8.8", RemoteAddressRejectReason.None)]
    [InlineData("100.63.255.255", RemoteAddressRejectReason.None)]
    [InlineData("100.128.0.0", RemoteAddressRejectReason.None)]
    [InlineData("172.15.255.255", RemoteAddressRejectReason.None)]
    [InlineData("172.32.0.0", RemoteAddressRejectReason.None)]
    [InlineData("169.253.1.1", RemoteAddressRejectReason.None)]
    [InlineData("223.255.255.255", RemoteAddressRejectReason.None)]
    [InlineData("2a03:2880:f211:d1:face:b00c:0:699c", RemoteAddressRejectReason.None)]
    [InlineData("2001:db8::1", RemoteAddressRejectReason.None)]
    [InlineData("::ffff:31.13.65.130", RemoteAddressRejectReason.None)]
    [InlineData("64:ff9b::1f0d:4182", RemoteAddressRejectReason.None)] // NAT64 of 31.13.65.130
    // Loopback.
    [InlineData("127.0.0.1", RemoteAddressRejectReason.Loopback)]
    [InlineData("127.255.255.254", RemoteAddressRejectReason.Loopback)]
    [InlineData("::1", RemoteAddressRejectReason.Loopback)]
    [InlineData("::ffff:127.0.0.1", RemoteAddressRejectReason.Loopback)]
    [InlineData("::127.0.0.1", RemoteAddressRejectReason.Loopback)]
    [InlineData("64:ff9b::7f00:1", RemoteAddressRejectReason.Loopback)]
    // Private: RFC 1918, RFC 6598 CGNAT, ULA, deprecated site-local.
    [InlineData("10.0.0.1", RemoteAddressRejectReason.Private)]
    [InlineData("10.255.255.255", RemoteAddressRejectReason.Private)]
    [InlineData("172.16.0.1", RemoteAddressRejectReason.Private)]
    [InlineData("172.31.255.255", RemoteAddressRejectReason.Private)]
    [InlineData("192.168.1.1", RemoteAddressRejectReason.Private)]
    [InlineData("100.64.0.1", RemoteAddressRejectReason.Private)]
    [InlineData("100.127.255.255", RemoteAddressRejectReason.Private)]
    [InlineData("fc00::1", RemoteAddressRejectReason.Private)]
    [InlineData("fd12:3456:789a::1", RemoteAddressRejectReason.Private)]
    [InlineData("fec0::1", RemoteAddressRejectReason.Private)]
    [InlineData("::ffff:10.1.2.3", RemoteAddressRejectReason.Private)]
    [InlineData("::ffff:192.168.0.10", RemoteAddressRejectReason.Private)]
    // Link-local, including the cloud metadata service.
    [InlineData("169.254.169.254", RemoteAddressRejectReason.LinkLocal)]
    [InlineData("169.254.0.1", RemoteAddressRejectReason.LinkLocal)]
    [InlineData("fe80::1", RemoteAddressRejectReason.LinkLocal)]
    [InlineData("febf::1", RemoteAddressRejectReason.LinkLocal)]
    [InlineData("::ffff:169.254.169.254", RemoteAddressRejectReason.LinkLocal)]
    [InlineData("64:ff9b::a9fe:a9fe", RemoteAddressRejectReason.LinkLocal)]
    // Unspecified.
    [InlineData("0.0.0.0", RemoteAddressRejectReason.Unspecified)]
    [InlineData("0.1.2.3", RemoteAddressRejectReason.Unspecified)]
    [InlineData("::", RemoteAddressRejectReason.Unspecified)]
    [InlineData("::ffff:0.0.0.0", RemoteAddressRejectReason.Unspecified)]
    // Multicast, broadcast, class E.
    [InlineData("224.0.0.1", RemoteAddressRejectReason.Multicast)]
    [InlineData("239.255.255.250", RemoteAddressRejectReason.Multicast)]
    [InlineData("ff02::1", RemoteAddressRejectReason.Multicast)]
    [InlineData("::ffff:224.0.0.251", RemoteAddressRejectReason.Multicast)]
    [InlineData("255.255.255.255", RemoteAddressRejectReason.Broadcast)]
    [InlineData("::ffff:255.255.255.255", RemoteAddressRejectReason.Broadcast)]
    [InlineData("240.0.0.1", RemoteAddressRejectReason.Reserved)]
    [InlineData("255.255.255.254", RemoteAddressRejectReason.Reserved)]
    public void Classify_Address_ReturnsRange(string address, RemoteAddressRejectReason expected)
    {
        Assert.Equal(expected, RemoteAddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", false, false, RemoteAddressRejectReason.Loopback)]
    [InlineData("127.0.0.1", true, false, RemoteAddressRejectReason.None)]
    [InlineData("::1", true, false, RemoteAddressRejectReason.None)]
    [InlineData("::ffff:127.0.0.1", true, false, RemoteAddressRejectReason.None)]
    [InlineData("127.0.0.1", false, true, RemoteAddressRejectReason.Loopback)]
    [InlineData("10.0.0.5", false, true, RemoteAddressRejectReason.None)]
    [InlineData("10.0.0.5", true, false, RemoteAddressRejectReason.Private)]
    [InlineData("fd00::5", false, true, RemoteAddressRejectReason.None)]
    [InlineData("100.64.1.1", false, true, RemoteAddressRejectReason.None)]
    // Never relaxable.
    [InlineData("169.254.169.254", true, true, RemoteAddressRejectReason.LinkLocal)]
    [InlineData("fe80::1", true, true, RemoteAddressRejectReason.LinkLocal)]
    [InlineData("0.0.0.0", true, true, RemoteAddressRejectReason.Unspecified)]
    [InlineData("224.0.0.1", true, true, RemoteAddressRejectReason.Multicast)]
    [InlineData("255.255.255.255", true, true, RemoteAddressRejectReason.Broadcast)]
    public void Evaluate_WithOptions_AppliesOnlyTheAllowedRelaxations(
        string address, bool allowLoopback, bool allowPrivate, RemoteAddressRejectReason expected)
    {
        var options = new RemoteAddressPolicyOptions { AllowLoopback = allowLoopback, AllowPrivate = allowPrivate };

        RemoteAddressDecision decision = RemoteAddressPolicy.Evaluate(new IPEndPoint(IPAddress.Parse(address), 40000), options);

        Assert.Equal(expected == RemoteAddressRejectReason.None, decision.IsAllowed);
        Assert.Equal(expected, decision.Reason);
    }

    [Theory]
    [InlineData(0, RemoteAddressRejectReason.InvalidPort)]
    [InlineData(1, RemoteAddressRejectReason.PrivilegedPort)]
    [InlineData(22, RemoteAddressRejectReason.PrivilegedPort)]
    [InlineData(53, RemoteAddressRejectReason.PrivilegedPort)]
    [InlineData(443, RemoteAddressRejectReason.PrivilegedPort)]
    [InlineData(1023, RemoteAddressRejectReason.PrivilegedPort)]
    [InlineData(1024, RemoteAddressRejectReason.None)]
    [InlineData(3478, RemoteAddressRejectReason.None)]
    [InlineData(3482, RemoteAddressRejectReason.None)]
    [InlineData(65535, RemoteAddressRejectReason.None)]
    public void Evaluate_Port_RefusesZeroAndPrivileged(int port, RemoteAddressRejectReason expected)
    {
        RemoteAddressDecision decision = RemoteAddressPolicy.Evaluate(new IPEndPoint(IPAddress.Parse("31.13.65.130"), port), Strict);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected == RemoteAddressRejectReason.None, decision.IsAllowed);
    }

    [Fact]
    public void Evaluate_PrivilegedPortOnAllowedLoopback_StillRefused()
    {
        var options = new RemoteAddressPolicyOptions { AllowLoopback = true };

        RemoteAddressDecision decision = RemoteAddressPolicy.Evaluate(new IPEndPoint(IPAddress.Loopback, 80), options);

        Assert.False(decision.IsAllowed);
        Assert.Equal(RemoteAddressRejectReason.PrivilegedPort, decision.Reason);
    }

    [Theory]
    [InlineData("31.13.65.130", 3482, RemoteAddressRejectReason.None)]
    [InlineData("2a03:2880:f211:d1:face:b00c:0:699c", 3482, RemoteAddressRejectReason.None)]
    [InlineData("example.org", 3482, RemoteAddressRejectReason.Hostname)]
    [InlineData("metadata.google.internal", 80, RemoteAddressRejectReason.Hostname)]
    [InlineData("localhost", 5000, RemoteAddressRejectReason.Hostname)]
    [InlineData("1f3c2a4b-58d6-4c3e-9e5f-0a1b2c3d4e5f.local", 50000, RemoteAddressRejectReason.MdnsHostname)]
    [InlineData("host.LOCAL.", 50000, RemoteAddressRejectReason.MdnsHostname)]
    [InlineData("127.1", 5000, RemoteAddressRejectReason.Hostname)] // shorthand is not reinterpreted as 127.0.0.1
    [InlineData("2130706433", 5000, RemoteAddressRejectReason.Hostname)]
    [InlineData("0x7f.0.0.1", 5000, RemoteAddressRejectReason.Hostname)]
    [InlineData("127.0.0.1", 5000, RemoteAddressRejectReason.Loopback)]
    [InlineData("169.254.169.254", 80, RemoteAddressRejectReason.LinkLocal)]
    [InlineData("::ffff:10.0.0.1", 5000, RemoteAddressRejectReason.Private)]
    [InlineData("", 5000, RemoteAddressRejectReason.InvalidAddress)]
    [InlineData("   ", 5000, RemoteAddressRejectReason.InvalidAddress)]
    [InlineData("2001:db8::zz", 5000, RemoteAddressRejectReason.InvalidAddress)]
    [InlineData("31.13.65.130", 0, RemoteAddressRejectReason.InvalidPort)]
    [InlineData("31.13.65.130", 70000, RemoteAddressRejectReason.InvalidPort)]
    [InlineData("31.13.65.130", -1, RemoteAddressRejectReason.InvalidPort)]
    public void Evaluate_SdpHostText_RefusesNamesWithoutResolving(string host, int port, RemoteAddressRejectReason expected)
    {
        RemoteAddressDecision decision = RemoteAddressPolicy.Evaluate(host, port, Strict);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected == RemoteAddressRejectReason.None, decision.IsAllowed);
    }

    [Fact]
    public void Evaluate_EveryIPv4FirstOctet_AgreesWithRangeTable()
    {
        // Sweep x.1.2.3 for every first octet, so range edges cannot drift silently.
        for (int first = 0; first < 256; first++)
        {
            var address = new IPAddress(new byte[] { (byte)first, 1, 2, 3 });
            RemoteAddressRejectReason expected = first switch
            {
                0 => RemoteAddressRejectReason.Unspecified,
                10 => RemoteAddressRejectReason.Private,
                127 => RemoteAddressRejectReason.Loopback,
                >= 224 and <= 239 => RemoteAddressRejectReason.Multicast,
                >= 240 => RemoteAddressRejectReason.Reserved,
                _ => RemoteAddressRejectReason.None,
            };

            Assert.Equal(expected, RemoteAddressPolicy.Classify(address));
            Assert.Equal(expected, RemoteAddressPolicy.Classify(address.MapToIPv6()));
        }
    }
}
