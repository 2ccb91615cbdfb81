using System.Buffers.Binary;
using CallGateway.Media.Srtp;
using static CallGateway.Media.Tests.Srtp.SrtpTestPackets;

namespace CallGateway.Media.Tests.Srtp;

/// <summary>SRTCP behaviour: index, replay, tampering.</summary>
public partial class SrtpContextTests
{
    private static uint ReadIndexWord(SrtpProfile profile, byte[] srtcp) =>
        BinaryPrimitives.ReadUInt32BigEndian(profile == SrtpProfile.AeadAes128Gcm
            ? srtcp.AsSpan(srtcp.Length - 4)
            : srtcp.AsSpan(srtcp.Length - 14));

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectRtcp_SuccessivePackets_IncrementIndexFromZeroWithEFlag(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);

        for (uint i = 0; i < 5; i++)
        {
            byte[] packet = ProtectRtcp(sender, Ssrc);
            Assert.Equal(8 + profile.GetRtcpOverhead(), packet.Length);
            Assert.Equal(0x8000_0000u | i, ReadIndexWord(profile, packet));
            var (result, plain) = UnprotectRtcp(receiver, packet);
            Assert.Equal(SrtpResult.Ok, result);
            Assert.Equal(BuildRtcp(Ssrc)[..8], plain);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectRtcp_TwoSenderSsrcs_KeepSeparateIndices(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        ProtectRtcp(sender, 1);
        ProtectRtcp(sender, 1);

        Assert.Equal(0x8000_0000u, ReadIndexWord(profile, ProtectRtcp(sender, 2)));
        Assert.Equal(0x8000_0002u, ReadIndexWord(profile, ProtectRtcp(sender, 1)));
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtcp_ReplayAndReorder_DetectsReplayAcceptsReorder(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[][] packets = Enumerable.Range(0, 6).Select(_ => ProtectRtcp(sender, Ssrc)).ToArray();

        foreach (int i in new[] { 1, 0, 4, 2, 5, 3 })
        {
            Assert.Equal(SrtpResult.Ok, UnprotectRtcp(receiver, packets[i]).Result);
        }

        Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtcp(receiver, packets[3]).Result);
        Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtcp(receiver, packets[0]).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtcp_OlderThanWindow_ReturnsTooOld(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] first = ProtectRtcp(sender, Ssrc);
        for (int i = 0; i < 128; i++)
        {
            ProtectRtcp(sender, Ssrc);
        }

        Assert.Equal(SrtpResult.Ok, UnprotectRtcp(receiver, ProtectRtcp(sender, Ssrc)).Result);
        Assert.Equal(SrtpResult.TooOld, UnprotectRtcp(receiver, first).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtcp_TamperedBodyIndexOrTag_FailsWithoutAdvancingWindow(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] packet = ProtectRtcp(sender, Ssrc);
        int indexOffset = profile == SrtpProfile.AeadAes128Gcm ? packet.Length - 4 : packet.Length - 14;

        foreach (int position in new[] { 1, 5, 8, indexOffset, indexOffset + 3, packet.Length - 1 })
        {
            byte[] forged = (byte[])packet.Clone();
            forged[position] ^= 0x04;
            Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtcp(receiver, forged).Result);
        }

        Assert.Equal(0, receiver.StreamCount);
        Assert.Equal(SrtpResult.Ok, UnprotectRtcp(receiver, packet).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectRtcp_IndexExhausted_ReturnsKeyLimitReached(SrtpProfile profile)
    {
        var (key, salt) = Keys(profile);
        using var sender = new SrtpContext(profile, key, salt) { InitialSrtcpIndex = 0x7FFF_FFFF };
        ProtectRtcp(sender, Ssrc);

        Assert.Equal(SrtpResult.KeyLimitReached, sender.ProtectRtcp(BuildRtcp(Ssrc), 8, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectRtcp_BufferWithoutRoomForTrailer_ReturnsBufferTooSmall(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);

        Assert.Equal(SrtpResult.BufferTooSmall, sender.ProtectRtcp(BuildRtcp(Ssrc, profile.GetRtcpOverhead() - 1), 8, out _));
    }
}
