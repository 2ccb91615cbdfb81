using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CallGateway.Media.Stun;

/// <summary>
/// MESSAGE-INTEGRITY keys, RFC 8489 §9. ICE uses short-term credentials: the key is the peer's ice-pwd
/// (RFC 8445 §7.2.2). Long-term credentials exist for the RFC 5769 §2.4 vector and TURN.
/// Keys are secrets: never log them.
/// </summary>
public static class StunCredentials
{
    /// <summary>
    /// Short-term key (RFC 8489 §9.1.1): the password as UTF-8. RFC 8489 applies OpaqueString preparation, which is
    /// the identity for ice-pwd values because the ice-char alphabet (RFC 8839 §5.4) is ASCII.
    /// </summary>
    public static byte[] ShortTermKey(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Encoding.UTF8.GetBytes(password);
    }

    /// <summary>
    /// Long-term key for MESSAGE-INTEGRITY (RFC 8489 §9.2.2, MD5 algorithm): MD5(username ":" realm ":" password).
    /// The inputs must already be SASLprep/OpaqueString-processed; this method does not normalise them.
    /// </summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Primitives",
        Justification = "RFC 8489 §9.2.2 defines the MD5 long-term key; it is a key derivation fixed by the protocol.")]
    public static byte[] LongTermKey(string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        byte[] input = Encoding.UTF8.GetBytes(username + ":" + realm + ":" + password);
        return MD5.HashData(input);
    }
}
