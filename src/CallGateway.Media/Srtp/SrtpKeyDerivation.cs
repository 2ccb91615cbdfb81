using System.Security.Cryptography;

namespace CallGateway.Media.Srtp;

/// <summary>
/// SRTP session-key derivation, RFC 3711 §4.3 with key_derivation_rate = 0 (the only rate DTLS-SRTP uses,
/// RFC 5764 §4.1.2). For AEAD profiles the 96-bit master salt is used as the leftmost 96 bits of the 112-bit PRF
/// input, i.e. zero-padded on the right (RFC 7714 §11).
/// </summary>
/// <remarks>
/// x = (label || r) XOR master_salt, with label in octet 7 of the 14-octet value and r = 0;
/// session key = AES-CM(master_key, IV = x * 2^16) truncated to the wanted length (RFC 3711 §4.3.1, §4.3.3).
/// </remarks>
internal static class SrtpKeyDerivation
{
    public const byte LabelRtpEncryption = 0x00;
    public const byte LabelRtpAuthentication = 0x01;
    public const byte LabelRtpSalt = 0x02;
    public const byte LabelRtcpEncryption = 0x03;
    public const byte LabelRtcpAuthentication = 0x04;
    public const byte LabelRtcpSalt = 0x05;

    private const int PrfSaltLength = 14;
    private const int LabelOffset = 7;

    /// <summary>Derives one session key with a PRF keyed with the master key.</summary>
    public static void Derive(AesCounterMode prf, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        if (masterSalt.Length > PrfSaltLength)
        {
            throw new ArgumentException("An SRTP master salt is at most 14 octets.", nameof(masterSalt));
        }

        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[LabelOffset] ^= label;
        prf.GenerateKeystream(iv, output);
        CryptographicOperations.ZeroMemory(iv);
    }

    /// <summary>Convenience for tests and one-off use: keys a temporary PRF with <paramref name="masterKey"/>.</summary>
    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        using var prf = new AesCounterMode(masterKey);
        Derive(prf, masterSalt, label, output);
    }
}
