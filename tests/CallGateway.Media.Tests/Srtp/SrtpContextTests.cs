using System.Buffers.Binary;
using CallGateway.Media.Srtp;
using static CallGateway.Media.Tests.Srtp.SrtpTestPackets;

namespace CallGateway.Media.Tests.Srtp;

/// <summary>Behaviour: round trips, replay, tampering, ROC, streams.</summary>
public partial class SrtpContextTests
{
    private const uint Ssrc = 0x11223344;

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectUnprotectRtp_ManyPackets_RoundTrip(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);

        for (ushort seq = 1000; seq < 1100; seq++)
        {
            int payloadLength = seq % 50;
            byte[] plain = BuildRtp(Ssrc, seq, payloadLength)[..(12 + payloadLength)];
            byte[] packet = ProtectRtp(sender, Ssrc, seq, payloadLength);
            Assert.Equal(plain.Length + profile.GetRtpOverhead(), packet.Length);
            if (payloadLength > 0)
            {
                Assert.NotEqual(plain[12..], packet[12..plain.Length]);
            }

            var (result, decrypted) = UnprotectRtp(receiver, packet);

            Assert.Equal(SrtpResult.Ok, result);
            Assert.Equal(plain, decrypted);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_ReplayedPacket_ReturnsReplayDetected(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] first = ProtectRtp(sender, Ssrc, 10);
        byte[] second = ProtectRtp(sender, Ssrc, 11);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, first).Result);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, second).Result);

        Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtp(receiver, first).Result);
        Assert.Equal(SrtpResult.ReplayDetected, UnprotectRtp(receiver, second).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_PacketOlderThanWindow_ReturnsTooOld(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] old = ProtectRtp(sender, Ssrc, 500);
        byte[] edge = ProtectRtp(sender, Ssrc, 501);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, Ssrc, 499)).Result);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, Ssrc, 628)).Result);

        // 628 - 500 = 128 is outside a 128-entry window, 628 - 501 = 127 is its last slot.
        Assert.Equal(SrtpResult.TooOld, UnprotectRtp(receiver, old).Result);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, edge).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_ReorderedWithinWindow_AcceptsAll(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        var packets = new byte[20][];
        for (int i = 0; i < packets.Length; i++)
        {
            packets[i] = ProtectRtp(sender, Ssrc, (ushort)(2000 + i));
        }

        foreach (int i in new[] { 0, 3, 1, 2, 9, 4, 8, 5, 7, 6, 19, 10, 18, 11, 17, 12, 16, 13, 15, 14 })
        {
            var (result, plain) = UnprotectRtp(receiver, packets[i]);
            Assert.Equal(SrtpResult.Ok, result);
            Assert.Equal((ushort)(2000 + i), BinaryPrimitives.ReadUInt16BigEndian(plain.AsSpan(2)));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_SequenceWrapWithReordering_DecryptsAllAndIncrementsRoc(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        ushort[] sequences = [65532, 65533, 65534, 65535, 0, 1, 2, 3];
        byte[][] packets = sequences.Select(s => ProtectRtp(sender, Ssrc, s)).ToArray();
        Assert.True(sender.TryGetRolloverCounter(Ssrc, out uint senderRoc));
        Assert.Equal(1u, senderRoc);

        foreach (int i in new[] { 0, 2, 1, 5, 3, 4, 7, 6 })
        {
            var (result, plain) = UnprotectRtp(receiver, packets[i]);
            Assert.Equal(SrtpResult.Ok, result);
            Assert.Equal(BuildRtp(Ssrc, sequences[i])[..52], plain);
        }

        Assert.True(receiver.TryGetRolloverCounter(Ssrc, out uint receiverRoc));
        Assert.Equal(1u, receiverRoc);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_LateThirdRollover_UsesPreviousRoc(SrtpProfile profile)
    {
        // Three full wraps with 1 % loss; near each wrap a packet from before it arrives after one from after it.
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[]? held = null;
        int accepted = 0;
        for (int i = 0; i < (3 * 65536) + 50; i++)
        {
            ushort seq = (ushort)(65000 + i);
            byte[] packet = ProtectRtp(sender, Ssrc, seq, payloadLength: 4);
            if (seq == 65534)
            {
                held = packet;
                continue;
            }

            if (i % 100 == 7)
            {
                continue;
            }

            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packet).Result);
            accepted++;
            if (seq == 1 && held is not null)
            {
                Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, held).Result);
                held = null;
            }
        }

        Assert.True(receiver.TryGetRolloverCounter(Ssrc, out uint roc));
        Assert.Equal(3u, roc);
        Assert.True(accepted > 190_000);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_TwoSsrcs_KeepIndependentRolloverCounters(SrtpProfile profile)
    {
        // SIPSorcery's bundled-stream bug: one ROC shared by all SSRCs breaks the second stream after the first wraps.
        const uint other = 0xABCDEF01;
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        for (int i = 0; i < 20; i++)
        {
            byte[] a = ProtectRtp(sender, Ssrc, (ushort)(65530 + i));
            byte[] b = ProtectRtp(sender, other, (ushort)(100 + i));

            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, a).Result);
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, b).Result);
        }

        Assert.Equal(2, receiver.StreamCount);
        Assert.True(receiver.TryGetRolloverCounter(Ssrc, out uint rocA));
        Assert.True(receiver.TryGetRolloverCounter(other, out uint rocB));
        Assert.Equal(1u, rocA);
        Assert.Equal(0u, rocB);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_TamperedPayloadTagOrHeader_ReturnsAuthenticationFailed(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] packet = ProtectRtp(sender, Ssrc, 77);

        foreach (int position in new[] { 1, 4, 11, 12, 30, packet.Length - 1, packet.Length - profile.GetRtpOverhead() })
        {
            byte[] forged = (byte[])packet.Clone();
            forged[position] ^= 0x20;
            Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(receiver, forged).Result);
        }

        Assert.Equal(0, receiver.StreamCount);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packet).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_ForgedPacketsAhead_DoNotMoveReplayWindowOrRoc(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, Ssrc, 65000)).Result);
        byte[] next = ProtectRtp(sender, Ssrc, 65001);

        // Forged packets claiming far-ahead sequence numbers; 5 would imply a ROC increment if it were accepted.
        foreach (ushort seq in new ushort[] { 65400, 5, 65001 })
        {
            using var forger = CreateContext(profile);
            byte[] forged = ProtectRtp(forger, Ssrc, seq);
            forged[^1] ^= 0xFF;
            Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(receiver, forged).Result);
        }

        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, next).Result);
        Assert.True(receiver.TryGetRolloverCounter(Ssrc, out uint roc));
        Assert.Equal(0u, roc);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, Ssrc, 65002)).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_WrongKey_ReturnsAuthenticationFailed(SrtpProfile profile)
    {
        var (key, salt) = Keys(profile, seed: 0x55);
        using var sender = new SrtpContext(profile, key, salt);
        using var receiver = CreateContext(profile);

        Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(receiver, ProtectRtp(sender, Ssrc, 1)).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectRtp_BufferWithoutRoomForTag_ReturnsBufferTooSmall(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        byte[] buffer = BuildRtp(Ssrc, 1, 20, spare: profile.GetRtpOverhead() - 1);

        Assert.Equal(SrtpResult.BufferTooSmall, sender.ProtectRtp(buffer, 32, out int length));
        Assert.Equal(0, length);
        Assert.Equal(BuildRtp(Ssrc, 1, 20, spare: profile.GetRtpOverhead() - 1), buffer);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectRtp_StreamLimitReached_ReturnsTooManyStreamsUntilRemoved(SrtpProfile profile)
    {
        using var sender = CreateContext(profile, maxStreams: 2);
        using var receiver = CreateContext(profile, maxStreams: 2);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 1, 1)).Result);
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, ProtectRtp(sender, 2, 1)).Result);
        byte[] third = BuildRtp(3, 1);

        Assert.Equal(SrtpResult.TooManyStreams, sender.ProtectRtp(third, 52, out _));
        Assert.True(sender.RemoveStream(1));
        Assert.False(sender.RemoveStream(1));
        byte[] packet = ProtectRtp(sender, 3, 1);

        Assert.Equal(SrtpResult.TooManyStreams, UnprotectRtp(receiver, packet).Result);
        Assert.True(receiver.RemoveStream(2));
        Assert.Equal(SrtpResult.Ok, UnprotectRtp(receiver, packet).Result);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectUnprotectRtp_CsrcsAndExtension_StayInClear(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        // V=2, X=1, CC=2; two CSRCs; one-byte extension (0xBEDE, 1 word); 10-octet payload.
        byte[] plain = Hex("92 6f 0001 00000960 11223344 0000000a 0000000b BEDE0001 10FF0000 00112233445566778899");
        var buffer = new byte[plain.Length + 16];
        plain.CopyTo(buffer, 0);

        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, plain.Length, out int length));

        Assert.Equal(plain[..28], buffer[..28]);
        Assert.NotEqual(plain[28..], buffer[28..plain.Length]);
        var (result, decrypted) = UnprotectRtp(receiver, buffer[..length]);
        Assert.Equal(SrtpResult.Ok, result);
        Assert.Equal(plain, decrypted);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void ProtectUnprotect_SteadyState_AllocatesNothing(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] template = BuildRtp(Ssrc, 0, 160);
        byte[] rtcp = BuildRtcp(Ssrc);
        var buffer = new byte[template.Length];
        ushort seq = 0;
        int failures = 0;

        // Plain comparisons inside the measured loop: xUnit's Assert itself allocates.
        void RunPackets(int count)
        {
            for (int i = 0; i < count; i++)
            {
                template.CopyTo(buffer, 0);
                buffer[2] = (byte)(seq >> 8);
                buffer[3] = (byte)seq++;
                failures += sender.ProtectRtp(buffer, 172, out int length) == SrtpResult.Ok ? 0 : 1;
                failures += receiver.UnprotectRtp(buffer, length, out _) == SrtpResult.Ok ? 0 : 1;
                rtcp.CopyTo(buffer, 0);
                failures += sender.ProtectRtcp(buffer, 8, out length) == SrtpResult.Ok ? 0 : 1;
                failures += receiver.UnprotectRtcp(buffer, length, out _) == SrtpResult.Ok ? 0 : 1;
            }
        }

        RunPackets(200);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunPackets(1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Dispose_ThenProtect_ThrowsObjectDisposed()
    {
        var context = CreateContext(SrtpProfile.AesCm128HmacSha1_80);
        context.Dispose();
        context.Dispose();

        Assert.Throws<ObjectDisposedException>(() => context.ProtectRtp(BuildRtp(Ssrc, 1), 52, out _));
    }

    [Theory]
    [InlineData(SrtpProfile.AesCm128HmacSha1_80, 15, 14)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 14, 12)]
    [InlineData((SrtpProfile)2, 16, 14)]
    public void Constructor_WrongKeyMaterial_Throws(SrtpProfile profile, int keyLength, int saltLength)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SrtpContext(profile, new byte[keyLength], new byte[saltLength]));
    }
}
