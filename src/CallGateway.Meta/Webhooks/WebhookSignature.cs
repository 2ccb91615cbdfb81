using System.Security.Cryptography;
using System.Text;

namespace CallGateway.Meta.Webhooks;

/// <summary>
/// Meta's webhook signature: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw request
/// body keyed with the app secret. It must be computed over the bytes exactly as received: decoding and
/// re-serialising the JSON changes escapes such as <c>\u00e9</c> and breaks the hash.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";
    private const int HashBytes = 32;

    /// <summary>Checks <paramref name="header"/> against the body in constant time.</summary>
    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        if (string.IsNullOrEmpty(header))
        {
            return SignatureCheck.Missing;
        }

        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + (2 * HashBytes))
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> claimed = stackalloc byte[HashBytes];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != HashBytes)
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, actual);
        return CryptographicOperations.FixedTimeEquals(claimed, actual) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>Computes the header value Meta would send for <paramref name="body"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        Span<byte> hash = stackalloc byte[HashBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }
}
