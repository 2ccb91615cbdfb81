using System.Net;

namespace CallGateway.Media.Sdp;

/// <summary>Checks <see cref="LocalMediaParameters"/> before they are written into an SDP (no line injection, valid grammar).</summary>
internal static class LocalMediaValidator
{
    /// <exception cref="ArgumentException">The first problem found.</exception>
    public static void Validate(LocalMediaParameters local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var problem = FindProblem(local);
        if (problem is not null)
        {
            throw new ArgumentException("invalid LocalMediaParameters: " + problem, nameof(local));
        }
    }

    private static string? FindProblem(LocalMediaParameters local)
    {
        string? problem =
            !RemoteMediaReader.IsIceChars(local.IceUfrag ?? string.Empty, 4, 256) ? "IceUfrag must be 4-256 characters of [A-Za-z0-9+/] (RFC 8839 §5.4)"
            : !RemoteMediaReader.IsIceChars(local.IcePwd ?? string.Empty, 22, 256) ? "IcePwd must be 22-256 characters of [A-Za-z0-9+/] (RFC 8839 §5.4)"
            : !SdpFingerprint.TryParse(local.Fingerprint, out _) ? "Fingerprint must look like 'sha-256 AB:CD:...' (RFC 8122 §5)"
            : local.Setup is not (SdpSetup.ActPass or SdpSetup.Active or SdpSetup.Passive) ? "Setup must be ActPass, Active or Passive"
            : !IsToken(local.Mid, 32) ? "Mid must be a token of at most 32 characters (RFC 5888 §4)"
            : !IsToken(local.StreamId, 64) || !IsToken(local.TrackId, 64) ? "StreamId and TrackId must be tokens of at most 64 characters (RFC 8830 §2)"
            : !IsVisible(local.CName, 255) ? "CName must be 1-255 visible ASCII characters (RFC 7022)"
            : !(local.EnableOpus || local.EnablePcmu || local.EnablePcma) ? "at least one of Opus, PCMU and PCMA must be enabled"
            : local.Candidates is null ? "Candidates must not be null"
            : null;
        if (problem is not null)
        {
            return problem;
        }

        foreach (var candidate in local.Candidates!)
        {
            problem = CandidateProblem(candidate);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CandidateProblem(LocalHostCandidate candidate) =>
        candidate is null ? "a candidate is null"
        : !SdpCandidate.IsFoundation(candidate.Foundation ?? string.Empty) ? "candidate Foundation must be 1-32 characters of [A-Za-z0-9+/] (RFC 8839 §5.1)"
        : !IPAddress.TryParse(candidate.Address, out _) ? "candidate Address must be an IPv4 or IPv6 literal"
        : candidate.Port is <= 0 or > 65535 ? "candidate Port must be 1-65535"
        : candidate.Priority is 0 or > int.MaxValue ? "candidate Priority must be 1 to 2^31-1 (RFC 8445 §5.1.2)"
        : null;

    private static bool IsToken(string? value, int maxLength) =>
        value is not null && value.Length <= maxLength && SdpSyntax.IsToken(value);

    private static bool IsVisible(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }

        return true;
    }
}
