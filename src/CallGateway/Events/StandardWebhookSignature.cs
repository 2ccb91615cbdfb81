using System.Security.Cryptography;
using System.Text;

namespace CallGateway.Events;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}"))</c>,
/// with <c>webhook-id</c> and <c>webhook-timestamp</c> (Unix seconds) headers. Receivers reject stale timestamps
/// (replay) and dedupe on the id.
/// </summary>
public static class StandardWebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var payload = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(SecretBytes(secret), payload));
    }

    /// <summary>Checks a signature header (which may list several space-separated signatures) in constant time.</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }

    private static byte[] SecretBytes(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret["whsec_".Length..]) : Encoding.UTF8.GetBytes(secret);
    }
}
