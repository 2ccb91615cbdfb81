using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace CallGateway.Media.Dtls;

/// <summary>
/// A certificate fingerprint as carried in the SDP <c>a=fingerprint</c> attribute (RFC 8122 §5, used by DTLS-SRTP per
/// RFC 5763 §5 and RFC 8842 §5). The peer's self-signed certificate is authenticated only by this value, so it is
/// checked during the handshake, in constant time.
/// <code>
///   fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint
///   hash-func             = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / ... (case-insensitive token)
///   fingerprint           = 2UHEX *(":" 2UHEX)      ; one hex pair per digest octet
///   example               = sha-256 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:...
/// </code>
/// Instances are immutable and thread-safe.
/// </summary>
public sealed class DtlsFingerprint : IEquatable<DtlsFingerprint>
{
    private readonly byte[] _digest;

    private DtlsFingerprint(DtlsHashFunction hashFunction, byte[] digest)
    {
        HashFunction = hashFunction;
        _digest = digest;
    }

    /// <summary>The hash function named by the attribute.</summary>
    public DtlsHashFunction HashFunction { get; }

    /// <summary>The digest octets.</summary>
    public ReadOnlySpan<byte> Digest => _digest;

    /// <summary>
    /// Parses an <c>a=fingerprint</c> value such as "sha-256 AB:CD:...". The hash token is case-insensitive; hex digits
    /// of either case are accepted (RFC 8122 asks senders for upper case; receivers are lenient). Unknown hash
    /// functions (md5, md2, future tokens) and digests of the wrong length are rejected. Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, [NotNullWhen(true)] out DtlsFingerprint? fingerprint)
    {
        fingerprint = null;
        value = value.Trim();
        int space = value.IndexOfAny(' ', '\t');
        if (space <= 0 || !TryParseHashFunction(value[..space], out DtlsHashFunction hash))
        {
            return false;
        }

        ReadOnlySpan<char> hex = value[(space + 1)..].TrimStart();
        int length = GetDigestLength(hash);
        if (hex.Length != (3 * length) - 1)
        {
            return false;
        }

        byte[] digest = new byte[length];
        for (int i = 0; i < length; i++)
        {
            int at = 3 * i;
            if ((i > 0 && hex[at - 1] != ':') || !TryParseHexPair(hex[at], hex[at + 1], out digest[i]))
            {
                return false;
            }
        }

        fingerprint = new DtlsFingerprint(hash, digest);
        return true;
    }

    /// <summary>Parses an <c>a=fingerprint</c> value; throws <see cref="FormatException"/> when it is not one.</summary>
    public static DtlsFingerprint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out DtlsFingerprint? fingerprint)
            ? fingerprint
            : throw new FormatException("Not an RFC 8122 fingerprint (expected e.g. \"sha-256 AB:CD:...\").");
    }

    /// <summary>Creates a fingerprint from a digest; the length must match the hash function.</summary>
    public static DtlsFingerprint FromDigest(DtlsHashFunction hashFunction, ReadOnlySpan<byte> digest)
    {
        int length = GetDigestLength(hashFunction);
        if (digest.Length != length)
        {
            throw new ArgumentException($"A {GetToken(hashFunction)} digest has {length} octets.", nameof(digest));
        }

        return new DtlsFingerprint(hashFunction, digest.ToArray());
    }

    /// <summary>Computes the fingerprint of a DER-encoded certificate (RFC 8122 §5: the hash of the DER form).</summary>
    public static DtlsFingerprint Compute(ReadOnlySpan<byte> derCertificate, DtlsHashFunction hashFunction)
    {
        byte[] digest = new byte[GetDigestLength(hashFunction)];
        Hash(hashFunction, derCertificate, digest);
        return new DtlsFingerprint(hashFunction, digest);
    }

    /// <summary>
    /// True when <paramref name="derCertificate"/> hashes to this fingerprint. The digest comparison is constant-time.
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> derCertificate)
    {
        Span<byte> actual = stackalloc byte[64];
        actual = actual[..GetDigestLength(HashFunction)];
        Hash(HashFunction, derCertificate, actual);
        return CryptographicOperations.FixedTimeEquals(actual, _digest);
    }

    /// <summary>True when the hash function is at least as strong as <paramref name="minimum"/>.</summary>
    public bool MeetsMinimum(DtlsHashFunction minimum) => HashFunction >= minimum;

    /// <summary>The IANA token of a hash function ("sha-256").</summary>
    public static string GetToken(DtlsHashFunction hashFunction) => hashFunction switch
    {
        DtlsHashFunction.Sha1 => "sha-1",
        DtlsHashFunction.Sha224 => "sha-224",
        DtlsHashFunction.Sha256 => "sha-256",
        DtlsHashFunction.Sha384 => "sha-384",
        DtlsHashFunction.Sha512 => "sha-512",
        _ => throw new ArgumentOutOfRangeException(nameof(hashFunction), hashFunction, "Unknown hash function."),
    };

    /// <summary>Digest length in octets of a hash function.</summary>
    public static int GetDigestLength(DtlsHashFunction hashFunction) => hashFunction switch
    {
        DtlsHashFunction.Sha1 or DtlsHashFunction.Sha224 or DtlsHashFunction.Sha256
            or DtlsHashFunction.Sha384 or DtlsHashFunction.Sha512 => (int)hashFunction / 8,
        _ => throw new ArgumentOutOfRangeException(nameof(hashFunction), hashFunction, "Unknown hash function."),
    };

    /// <summary>The SDP form: lower-case hash token, space, upper-case colon-separated hex ("sha-256 AB:CD:...").</summary>
    public override string ToString()
    {
        string token = GetToken(HashFunction);
        return string.Create(token.Length + 1 + (3 * _digest.Length) - 1, this, static (span, self) =>
        {
            string token = GetToken(self.HashFunction);
            token.CopyTo(span);
            span[token.Length] = ' ';
            Span<char> hex = span[(token.Length + 1)..];
            for (int i = 0; i < self._digest.Length; i++)
            {
                if (i > 0)
                {
                    hex[(3 * i) - 1] = ':';
                }

                hex[3 * i] = HexDigit(self._digest[i] >> 4);
                hex[(3 * i) + 1] = HexDigit(self._digest[i] & 0xF);
            }
        });
    }

    /// <inheritdoc />
    public bool Equals(DtlsFingerprint? other) =>
        other is not null && other.HashFunction == HashFunction
        && CryptographicOperations.FixedTimeEquals(other._digest, _digest);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DtlsFingerprint);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(HashFunction, BitConverter.ToInt32(_digest, 0));

    private static bool TryParseHashFunction(ReadOnlySpan<char> token, out DtlsHashFunction hash)
    {
        hash = default;
        if (token.Equals("sha-1", StringComparison.OrdinalIgnoreCase))
        {
            hash = DtlsHashFunction.Sha1;
        }
        else if (token.Equals("sha-224", StringComparison.OrdinalIgnoreCase))
        {
            hash = DtlsHashFunction.Sha224;
        }
        else if (token.Equals("sha-256", StringComparison.OrdinalIgnoreCase))
        {
            hash = DtlsHashFunction.Sha256;
        }
        else if (token.Equals("sha-384", StringComparison.OrdinalIgnoreCase))
        {
            hash = DtlsHashFunction.Sha384;
        }
        else if (token.Equals("sha-512", StringComparison.OrdinalIgnoreCase))
        {
            hash = DtlsHashFunction.Sha512;
        }

        return hash != default;
    }

    private static bool TryParseHexPair(char high, char low, out byte value)
    {
        int h = HexValue(high);
        int l = HexValue(low);
        value = (byte)((h << 4) | l);
        return (h | l) >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "SHA-1 fingerprints are part of RFC 8122; whether one is acceptable is decided by "
            + "DtlsOptions.MinimumFingerprintHash.")]
    private static void Hash(DtlsHashFunction hashFunction, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        switch (hashFunction)
        {
            case DtlsHashFunction.Sha1:
                SHA1.HashData(data, destination);
                break;
            case DtlsHashFunction.Sha224:
                // .NET has no SHA-224; BouncyCastle is already a dependency of this layer.
                var sha224 = new Sha224Digest();
                sha224.BlockUpdate(data);
                sha224.DoFinal(destination);
                break;
            case DtlsHashFunction.Sha256:
                SHA256.HashData(data, destination);
                break;
            case DtlsHashFunction.Sha384:
                SHA384.HashData(data, destination);
                break;
            case DtlsHashFunction.Sha512:
                SHA512.HashData(data, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(hashFunction), hashFunction, "Unknown hash function.");
        }
    }
}
