using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallGateway.Media.Sdp;

/// <summary>
/// A certificate fingerprint from <c>a=fingerprint:&lt;hash-func&gt; &lt;fingerprint&gt;</c> (RFC 8122 §5), e.g.
/// <c>sha-256 46:14:2B:...:38</c>: the hash of the peer's DTLS certificate as upper-case hex bytes joined by colons.
/// The DTLS layer checks the certificate the peer presents against it (RFC 8842 §5.1).
/// </summary>
public sealed record SdpFingerprint(string HashFunction, string Value)
{
    /// <summary>Parses <c>sha-256 AB:CD:...</c>. Never throws. Known hash functions must have their digest length.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SdpFingerprint? fingerprint)
    {
        fingerprint = null;
        if (text is null || text.Length > 512)
        {
            return false;
        }

        var f = SdpSyntax.SplitFields(text);
        if (f.Length != 2 || !SdpSyntax.IsToken(f[0]) || !TryCountHexBytes(f[1], out var count))
        {
            return false;
        }

        var expected = DigestLength(f[0]);
        if (expected is not null && expected != count)
        {
            return false;
        }

        fingerprint = new SdpFingerprint(f[0], f[1]);
        return true;
    }

    /// <summary>Formats a digest the way RFC 8122 §5 writes it (upper-case hex, colon separated).</summary>
    public static SdpFingerprint FromDigest(string hashFunction, ReadOnlySpan<byte> digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hashFunction);
        return new SdpFingerprint(hashFunction, string.Join(':', Convert.ToHexString(digest).Chunk(2).Select(c => new string(c))));
    }

    /// <summary>The digest bytes (the value is validated at construction through <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">The record was built by hand with a malformed value.</exception>
    public byte[] GetDigestBytes()
    {
        if (!TryCountHexBytes(Value, out var count))
        {
            throw new FormatException("fingerprint value is not colon-separated hex bytes");
        }

        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = byte.Parse(Value.AsSpan(i * 3, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return bytes;
    }

    /// <summary>True when the hash function names match (case-insensitively) and the digests are equal.</summary>
    public bool Matches(string hashFunction, ReadOnlySpan<byte> digest) =>
        string.Equals(HashFunction, hashFunction, StringComparison.OrdinalIgnoreCase)
        && TryCountHexBytes(Value, out var count) && count == digest.Length
        && GetDigestBytes().AsSpan().SequenceEqual(digest);

    /// <summary>The attribute value: <c>&lt;hash-func&gt; &lt;fingerprint&gt;</c>.</summary>
    public override string ToString() => HashFunction + " " + Value;

    /// <summary>RFC 8122 §5 hash functions and their digest sizes in bytes; null for an unknown (extension) token.</summary>
    internal static int? DigestLength(string hashFunction) => hashFunction.ToUpperInvariant() switch
    {
        "MD2" or "MD5" => 16,
        "SHA-1" => 20,
        "SHA-224" => 28,
        "SHA-256" => 32,
        "SHA-384" => 48,
        "SHA-512" => 64,
        _ => null,
    };

    /// <summary>fingerprint = 2UHEX *(":" 2UHEX); lower-case hex is tolerated.</summary>
    private static bool TryCountHexBytes(string value, out int count)
    {
        count = 0;
        if (value.Length < 2 || (value.Length + 1) % 3 != 0)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var ok = i % 3 == 2 ? value[i] == ':' : char.IsAsciiHexDigit(value[i]);
            if (!ok)
            {
                return false;
            }
        }

        count = (value.Length + 1) / 3;
        return true;
    }
}
