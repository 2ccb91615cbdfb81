using System.Buffers.Binary;
using CallGateway.Media.Srtp;

namespace CallGateway.Media.Tests.Srtp;

/// <summary>Builders and key material shared by the SRTP tests.</summary>
internal static class SrtpTestPackets
{
    public const int Spare = 32;

    public static TheoryData<SrtpProfile> Profiles => new() { SrtpProfile.AesCm128HmacSha1_80, SrtpProfile.AeadAes128Gcm };

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>A deterministic master key and salt of the right sizes for <paramref name="profile"/>.</summary>
    public static (byte[] Key, byte[] Salt) Keys(SrtpProfile profile, byte seed = 0x11)
    {
        var key = new byte[profile.GetMasterKeyLength()];
        var salt = new byte[profile.GetMasterSaltLength()];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(seed + (i * 7));
        }

        for (int i = 0; i < salt.Length; i++)
        {
            salt[i] = (byte)(seed ^ (0xA0 + i));
        }

        return (key, salt);
    }

    public static SrtpContext CreateContext(SrtpProfile profile, int maxStreams = SrtpContext.DefaultMaxStreams)
    {
        var (key, salt) = Keys(profile);
        return new SrtpContext(profile, key, salt, maxStreams);
    }

    /// <summary>An RTP packet (12-octet header, PT 111) whose payload encodes the sequence number, plus spare room.</summary>
    public static byte[] BuildRtp(uint ssrc, ushort sequence, int payloadLength = 40, int spare = Spare)
    {
        var buffer = new byte[12 + payloadLength + spare];
        buffer[0] = 0x80;
        buffer[1] = 111;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), sequence * 960u);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8), ssrc);
        for (int i = 0; i < payloadLength; i++)
        {
            buffer[12 + i] = (byte)(sequence + i);
        }

        return buffer;
    }

    /// <summary>A minimal RTCP RR (no report blocks) from <paramref name="ssrc"/>, plus spare room.</summary>
    public static byte[] BuildRtcp(uint ssrc, int spare = Spare)
    {
        var buffer = new byte[8 + spare];
        buffer[0] = 0x80;
        buffer[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), ssrc);
        return buffer;
    }

    /// <summary>Protects a fresh RTP packet and returns exactly the protected bytes.</summary>
    public static byte[] ProtectRtp(SrtpContext sender, uint ssrc, ushort sequence, int payloadLength = 40)
    {
        byte[] buffer = BuildRtp(ssrc, sequence, payloadLength);
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtp(buffer, 12 + payloadLength, out int length));
        return buffer[..length];
    }

    public static byte[] ProtectRtcp(SrtpContext sender, uint ssrc)
    {
        byte[] buffer = BuildRtcp(ssrc);
        Assert.Equal(SrtpResult.Ok, sender.ProtectRtcp(buffer, 8, out int length));
        return buffer[..length];
    }

    /// <summary>Unprotects a copy of <paramref name="packet"/>; returns the result and the plain packet.</summary>
    public static (SrtpResult Result, byte[] Plain) UnprotectRtp(SrtpContext receiver, byte[] packet)
    {
        byte[] copy = (byte[])packet.Clone();
        SrtpResult result = receiver.UnprotectRtp(copy, copy.Length, out int length);
        return (result, copy[..length]);
    }

    public static (SrtpResult Result, byte[] Plain) UnprotectRtcp(SrtpContext receiver, byte[] packet)
    {
        byte[] copy = (byte[])packet.Clone();
        SrtpResult result = receiver.UnprotectRtcp(copy, copy.Length, out int length);
        return (result, copy[..length]);
    }
}
