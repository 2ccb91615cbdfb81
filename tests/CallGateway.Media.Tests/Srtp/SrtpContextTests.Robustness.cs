using CallGateway.Media.Srtp;
using static CallGateway.Media.Tests.Srtp.SrtpTestPackets;

namespace CallGateway.Media.Tests.Srtp;

/// <summary>Malformed input: short, truncated, garbage. Nothing may throw or be accepted.</summary>
public partial class SrtpContextTests
{
    public static TheoryData<SrtpProfile, string> MalformedRtp => new()
    {
        { SrtpProfile.AesCm128HmacSha1_80, string.Empty },
        { SrtpProfile.AesCm128HmacSha1_80, "80" },
        { SrtpProfile.AesCm128HmacSha1_80, "800f1234decafbadcafebabe 010203040506070809" }, // 12 + 9 < 12 + tag
        { SrtpProfile.AesCm128HmacSha1_80, "400f1234decafbadcafebabe 000000000000000000000000" }, // version 1
        { SrtpProfile.AesCm128HmacSha1_80, "8f0f1234decafbadcafebabe 000000000000000000000000" }, // CC = 15, too short
        { SrtpProfile.AesCm128HmacSha1_80, "900f1234decafbadcafebabe BEDE 00000000000000000000" }, // X word cut short
        { SrtpProfile.AesCm128HmacSha1_80, "900f1234decafbadcafebabe BEDEFFFF 0000000000000000000000" }, // X length past end
        { SrtpProfile.AeadAes128Gcm, "800f1234decafbadcafebabe 000102030405060708090a0b0c0d0e" }, // 12 + 15 < 12 + 16
        { SrtpProfile.AeadAes128Gcm, "c00f1234decafbadcafebabe 000102030405060708090a0b0c0d0e0f" }, // version 3
    };

    [Theory]
    [MemberData(nameof(MalformedRtp))]
    public void UnprotectRtp_MalformedPacket_ReturnsMalformed(SrtpProfile profile, string hex)
    {
        using var receiver = CreateContext(profile);
        byte[] packet = Hex(hex);

        Assert.Equal(SrtpResult.Malformed, UnprotectRtp(receiver, packet).Result);
        Assert.Equal(0, receiver.StreamCount);
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void AllOperations_LengthOutsideBuffer_ReturnMalformed(SrtpProfile profile)
    {
        using var context = CreateContext(profile);
        var buffer = new byte[64];

        foreach (int length in new[] { -1, 65, int.MaxValue, int.MinValue })
        {
            Assert.Equal(SrtpResult.Malformed, context.ProtectRtp(buffer, length, out _));
            Assert.Equal(SrtpResult.Malformed, context.UnprotectRtp(buffer, length, out _));
            Assert.Equal(SrtpResult.Malformed, context.ProtectRtcp(buffer, length, out _));
            Assert.Equal(SrtpResult.Malformed, context.UnprotectRtcp(buffer, length, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtp_TruncatedValidPacket_NeverAccepted(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] packet = ProtectRtp(sender, Ssrc, 5);

        for (int length = 0; length < packet.Length; length++)
        {
            SrtpResult result = UnprotectRtp(receiver, packet[..length]).Result;
            Assert.True(result is SrtpResult.Malformed or SrtpResult.AuthenticationFailed, $"length {length}: {result}");
        }
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void UnprotectRtcp_ShortPackets_ReturnMalformed(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        byte[] packet = ProtectRtcp(sender, Ssrc);

        for (int length = 0; length < 8 + profile.GetRtcpOverhead(); length++)
        {
            Assert.Equal(SrtpResult.Malformed, UnprotectRtcp(receiver, packet[..length]).Result);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void Unprotect_SeededRandomAndMutatedInput_NeverThrowsNorAccepts(SrtpProfile profile)
    {
        using var sender = CreateContext(profile);
        using var receiver = CreateContext(profile);
        var random = new Random(3711);
        byte[] valid = ProtectRtp(sender, Ssrc, 9);
        byte[] validRtcp = ProtectRtcp(sender, Ssrc);
        var buffer = new byte[256];

        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            int length;
            if (iteration % 2 == 0)
            {
                length = random.Next(0, buffer.Length);
                random.NextBytes(buffer.AsSpan(0, length));
                if (iteration % 4 == 0 && length > 0)
                {
                    buffer[0] = (byte)(0x80 | (buffer[0] & 0x3F)); // keep version 2 half the time to reach the crypto
                }
            }
            else
            {
                byte[] source = iteration % 3 == 0 ? validRtcp : valid;
                length = random.Next(0, source.Length + 1);
                source.AsSpan(0, length).CopyTo(buffer);
                int flips = random.Next(1, 4);
                for (int f = 0; f < flips && length > 0; f++)
                {
                    buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                }
            }

            byte[] copy = buffer[..length];
            if (copy.AsSpan().SequenceEqual(valid) || copy.AsSpan().SequenceEqual(validRtcp))
            {
                continue; // the flips cancelled out: this is the genuine packet again
            }

            Assert.NotEqual(SrtpResult.Ok, receiver.UnprotectRtp(copy, length, out _));
            buffer.AsSpan(0, length).CopyTo(copy);
            Assert.NotEqual(SrtpResult.Ok, receiver.UnprotectRtcp(copy, length, out _));
        }

        Assert.Equal(0, receiver.StreamCount);
    }
}
