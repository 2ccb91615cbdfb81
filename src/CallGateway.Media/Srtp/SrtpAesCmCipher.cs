using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CallGateway.Media.Srtp;

/// <summary>
/// AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1 encryption, §4.2.1 authentication).
/// </summary>
/// <remarks>
/// <code>
///  SRTP:  | RTP header (not encrypted) | payload (AES-CM) | auth tag (10) |
///         &lt;------------- authenticated portion ---------&gt;  tag = HMAC-SHA1(k_a, packet || ROC)[0..10)
///
///  SRTCP: | header (8) | rest of compound (AES-CM) | E|SRTCP index (4) | auth tag (10) |
///         &lt;------------------- authenticated portion ----------------&gt;
///
///  IV (16 octets) = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), i = ROC || SEQ for SRTP, SRTCP index for SRTCP
/// </code>
/// </remarks>
internal sealed class SrtpAesCmCipher : SrtpCipher
{
    public const int KeyLength = 16;
    public const int AuthKeyLength = 20;
    public const int SaltLength = 14;
    private const int Tag = 10;

    private readonly AesCounterMode _rtpCipher;
    private readonly AesCounterMode _rtcpCipher;
    private readonly IncrementalHash _rtpMac;
    private readonly IncrementalHash _rtcpMac;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;

    public SrtpAesCmCipher(
        ReadOnlySpan<byte> rtpKey, ReadOnlySpan<byte> rtpAuthKey, ReadOnlySpan<byte> rtpSalt,
        ReadOnlySpan<byte> rtcpKey, ReadOnlySpan<byte> rtcpAuthKey, ReadOnlySpan<byte> rtcpSalt)
    {
        if (rtpSalt.Length != SaltLength || rtcpSalt.Length != SaltLength)
        {
            throw new ArgumentException("AES-CM session salts are 14 octets.");
        }

        _rtpCipher = new AesCounterMode(rtpKey);
        _rtcpCipher = new AesCounterMode(rtcpKey);
        _rtpMac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, rtpAuthKey);
        _rtcpMac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, rtcpAuthKey);
        _rtpSalt = rtpSalt.ToArray();
        _rtcpSalt = rtcpSalt.ToArray();
    }

    public override int TagLength => Tag;

    public override void EncryptRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, Span<byte> tag)
    {
        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtpSalt, ssrc, ((ulong)roc << 16) | SrtpPacket.ReadSequence(packet));
        _rtpCipher.Xor(iv, packet[headerLength..]);
        ComputeRtpTag(packet, roc, tag);
    }

    public override bool DecryptRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, ReadOnlySpan<byte> tag)
    {
        Span<byte> expected = stackalloc byte[Tag];
        ComputeRtpTag(packet, roc, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtpSalt, ssrc, ((ulong)roc << 16) | SrtpPacket.ReadSequence(packet));
        _rtpCipher.Xor(iv, packet[headerLength..]);
        return true;
    }

    public override int EncryptRtcp(Span<byte> buffer, int length, uint ssrc, uint index)
    {
        Span<byte> iv = stackalloc byte[16];
        BuildIv(iv, _rtcpSalt, ssrc, index);
        _rtcpCipher.Xor(iv, buffer[8..length]);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[length..], SrtcpEncryptedFlag | index);
        int authenticated = length + 4;
        ComputeTag(_rtcpMac, buffer[..authenticated], default, buffer.Slice(authenticated, Tag));
        return authenticated + Tag;
    }

    public override uint ReadSrtcpIndexWord(ReadOnlySpan<byte> packet) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[(packet.Length - Tag - 4)..]);

    public override bool DecryptRtcp(Span<byte> packet, uint ssrc, uint indexWord)
    {
        int authenticated = packet.Length - Tag;
        Span<byte> expected = stackalloc byte[Tag];
        ComputeTag(_rtcpMac, packet[..authenticated], default, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, packet[authenticated..]))
        {
            return false;
        }

        if ((indexWord & SrtcpEncryptedFlag) != 0)
        {
            Span<byte> iv = stackalloc byte[16];
            BuildIv(iv, _rtcpSalt, ssrc, indexWord & MaxSrtcpIndex);
            _rtcpCipher.Xor(iv, packet[8..(authenticated - 4)]);
        }

        return true;
    }

    private void ComputeRtpTag(ReadOnlySpan<byte> packet, uint roc, Span<byte> tag)
    {
        Span<byte> rocBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
        ComputeTag(_rtpMac, packet, rocBytes, tag);
    }

    // HMAC-SHA1 over data || suffix, truncated to the 80-bit tag (RFC 3711 §4.2.1).
    private static void ComputeTag(IncrementalHash mac, ReadOnlySpan<byte> data, ReadOnlySpan<byte> suffix, Span<byte> tag)
    {
        Span<byte> digest = stackalloc byte[20];
        mac.AppendData(data);
        if (!suffix.IsEmpty)
        {
            mac.AppendData(suffix);
        }

        mac.GetHashAndReset(digest);
        digest[..Tag].CopyTo(tag);
    }

    private static void BuildIv(Span<byte> iv, ReadOnlySpan<byte> salt, uint ssrc, ulong index)
    {
        iv.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(iv[4..], ssrc);
        BinaryPrimitives.WriteUInt16BigEndian(iv[8..], (ushort)(index >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(iv[10..], (uint)index);
        for (int i = 0; i < SaltLength; i++)
        {
            iv[i] ^= salt[i];
        }
    }

    public override void Dispose()
    {
        _rtpCipher.Dispose();
        _rtcpCipher.Dispose();
        _rtpMac.Dispose();
        _rtcpMac.Dispose();
        CryptographicOperations.ZeroMemory(_rtpSalt);
        CryptographicOperations.ZeroMemory(_rtcpSalt);
    }
}
