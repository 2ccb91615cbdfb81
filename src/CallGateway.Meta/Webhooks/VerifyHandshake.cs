using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CallGateway.Meta.Webhooks;

/// <summary>
/// The GET subscription handshake: Meta sends <c>hub.mode=subscribe</c>, <c>hub.verify_token</c> and
/// <c>hub.challenge</c>; we echo the challenge only when the token matches. The challenge is echoed only when it
/// is a plain token, so the endpoint can never reflect markup (a known XSS in Meta's own samples).
/// </summary>
public static partial class VerifyHandshake
{
    /// <summary>Returns the challenge to echo, or null when the request must be refused.</summary>
    public static string? Answer(string? mode, string? verifyToken, string? challenge, string expectedToken)
    {
        ArgumentNullException.ThrowIfNull(expectedToken);
        if (!string.Equals(mode, "subscribe", StringComparison.Ordinal)
            || verifyToken is null || challenge is null || expectedToken.Length == 0)
        {
            return null;
        }

        var tokenMatches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(verifyToken)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expectedToken)));
        return tokenMatches && ChallengePattern().IsMatch(challenge) ? challenge : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ChallengePattern();
}
