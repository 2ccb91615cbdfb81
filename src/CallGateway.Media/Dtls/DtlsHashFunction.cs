namespace CallGateway.Media.Dtls;

/// <summary>
/// Hash functions allowed in the SDP <c>a=fingerprint</c> attribute (RFC 8122 §5, "hash-func" from the IANA
/// "Hash Function Textual Names" registry). The numeric value is the digest size in bits, so a larger value is a
/// stronger hash and policies can compare with <c>&gt;=</c>.
/// </summary>
public enum DtlsHashFunction
{
    /// <summary>"sha-1": 20-octet digest. Collision-weak, so the default policy rejects it.</summary>
    Sha1 = 160,

    /// <summary>"sha-224": 28-octet digest.</summary>
    Sha224 = 224,

    /// <summary>"sha-256": 32-octet digest, what browsers and Meta send.</summary>
    Sha256 = 256,

    /// <summary>"sha-384": 48-octet digest.</summary>
    Sha384 = 384,

    /// <summary>"sha-512": 64-octet digest.</summary>
    Sha512 = 512,
}
