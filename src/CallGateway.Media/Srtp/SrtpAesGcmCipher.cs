using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CallGateway.Media.Srtp;

/// <summary>
/// AEAD_AES_128_GCM for SRTP and SRTCP (RFC 7714 §8 and §9) with a 16-octet tag.
/// </summary>
/// <remarks>
/// <code>
///  SRTP:  | RTP header incl. CSRCs + extension = AAD | payload (GCM ciphertext) | tag (16) |
///         IV (12) = (00 00 || SSRC || ROC || SEQ) XOR salt                                   (RFC 7714 §8.1)
///
///  SRTCP: | header (8) | rest of compound (ciphertext) | tag (16) | E|SRTCP index (4) |
///         AAD = header (8) || E|index (4);  with E = 0 the whole packet || E|index is AAD (RFC 7714 §9.2–9.3)
///         IV (12) = (00 00 || SSRC || 00 00 || 0|SRTCP index) XOR salt                       (RFC 7714 §9.1)
/// </code>
/// <see cref="AesGcm"/> offers no non-throwing decrypt, so a forged packet costs one caught
/// <see cref="AuthenticationTagMismatchException"/> inside this type; it never reaches the caller.
/// </remarks>
internal sealed class SrtpAesGcmCipher : SrtpCipher
{
    public const int KeyLength = 16;
    public const int SaltLength = 12;
    private const int Tag = 16;

    private readonly AesGcm _rtpAead;
    private readonly AesGcm _rtcpAead;
    private readonly byte[] _rtpSalt;
    private readonly byte[] _rtcpSalt;

    public SrtpAesGcmCipher(
        ReadOnlySpan<byte> rtpKey, ReadOnlySpan<byte> rtpSalt, ReadOnlySpan<byte> rtcpKey, ReadOnlySpan<byte> rtcpSalt)
    {
        if (rtpSalt.Length != SaltLength || rtcpSalt.Length != SaltLength)
        {
            throw new ArgumentException("AES-GCM session salts are 12 octets.");
        }

        _rtpAead = new AesGcm(rtpKey, Tag);
        _rtcpAead = new AesGcm(rtcpKey, Tag);
        _rtpSalt = rtpSalt.ToArray();
        _rtcpSalt = rtcpSalt.ToArray();
    }

    public override int TagLength => Tag;

    public override void EncryptRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, Span<byte> tag)
    {
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtpNonce(nonce, ssrc, roc, SrtpPacket.ReadSequence(packet));
        Span<byte> payload = packet[headerLength..];
        _rtpAead.Encrypt(nonce, payload, payload, tag, packet[..headerLength]);
    }

    public override bool DecryptRtp(Span<byte> packet, int headerLength, uint ssrc, uint roc, ReadOnlySpan<byte> tag)
    {
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtpNonce(nonce, ssrc, roc, SrtpPacket.ReadSequence(packet));
        Span<byte> payload = packet[headerLength..];
        return TryDecrypt(_rtpAead, nonce, payload, tag, packet[..headerLength]);
    }

    public override int EncryptRtcp(Span<byte> buffer, int length, uint ssrc, uint index)
    {
        uint indexWord = SrtcpEncryptedFlag | index;
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtcpNonce(nonce, ssrc, index);
        Span<byte> aad = stackalloc byte[12];
        buffer[..8].CopyTo(aad);
        BinaryPrimitives.WriteUInt32BigEndian(aad[8..], indexWord);
        Span<byte> body = buffer[8..length];
        _rtcpAead.Encrypt(nonce, body, body, buffer.Slice(length, Tag), aad);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[(length + Tag)..], indexWord);
        return length + Tag + 4;
    }

    public override uint ReadSrtcpIndexWord(ReadOnlySpan<byte> packet) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[(packet.Length - 4)..]);

    public override bool DecryptRtcp(Span<byte> packet, uint ssrc, uint indexWord)
    {
        int plainLength = packet.Length - Tag - 4;
        ReadOnlySpan<byte> tag = packet.Slice(plainLength, Tag);
        Span<byte> nonce = stackalloc byte[SaltLength];
        BuildRtcpNonce(nonce, ssrc, indexWord & MaxSrtcpIndex);
        if ((indexWord & SrtcpEncryptedFlag) != 0)
        {
            Span<byte> aad = stackalloc byte[12];
            packet[..8].CopyTo(aad);
            BinaryPrimitives.WriteUInt32BigEndian(aad[8..], indexWord);
            return TryDecrypt(_rtcpAead, nonce, packet[8..plainLength], tag, aad);
        }

        // E = 0 (RFC 7714 §9.3): nothing is encrypted, the whole packet and the index word are AAD. Rare (WebRTC
        // always encrypts), so the contiguous AAD copy comes from the pool rather than a per-context buffer.
        byte[] rented = ArrayPool<byte>.Shared.Rent(plainLength + 4);
        try
        {
            Span<byte> aad = rented.AsSpan(0, plainLength + 4);
            packet[..plainLength].CopyTo(aad);
            BinaryPrimitives.WriteUInt32BigEndian(aad[plainLength..], indexWord);
            return TryDecrypt(_rtcpAead, nonce, Span<byte>.Empty, tag, aad);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryDecrypt(AesGcm aead, ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> aad)
    {
        try
        {
            aead.Decrypt(nonce, data, tag, data, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private void BuildRtpNonce(Span<byte> nonce, uint ssrc, uint roc, ushort sequence)
    {
        nonce.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(nonce[2..], ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[6..], roc);
        BinaryPrimitives.WriteUInt16BigEndian(nonce[10..], sequence);
        XorSalt(nonce, _rtpSalt);
    }

    private void BuildRtcpNonce(Span<byte> nonce, uint ssrc, uint index)
    {
        nonce.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(nonce[2..], ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], index);
        XorSalt(nonce, _rtcpSalt);
    }

    private static void XorSalt(Span<byte> nonce, ReadOnlySpan<byte> salt)
    {
        for (int i = 0; i < SaltLength; i++)
        {
            nonce[i] ^= salt[i];
        }
    }

    public override void Dispose()
    {
        _rtpAead.Dispose();
        _rtcpAead.Dispose();
        CryptographicOperations.ZeroMemory(_rtpSalt);
        CryptographicOperations.ZeroMemory(_rtcpSalt);
    }
}
