namespace CallGateway.Media.Dtls;

/// <summary>
/// Derives our <see cref="DtlsRole"/> from the remote SDP <c>a=setup</c> value (RFC 4145 §4, applied to DTLS-SRTP by
/// RFC 5763 §5 and RFC 8842 §5) and gives the value to put in our own description.
/// <code>
///   remote a=setup   our role   our a=setup
///   active           Server     passive
///   passive          Client     active
///   actpass          Client     active    (we answer an offer; Meta and browsers expect the answerer to be active)
///   holdconn/other   --         (no DTLS association: TryGetLocalRole returns false)
/// </code>
/// </summary>
public static class DtlsSetup
{
    /// <summary>The <c>a=setup</c> value a WebRTC offerer sends ("actpass", RFC 8842 §5.2).</summary>
    public const string ActPass = "actpass";

    /// <summary>The <c>a=setup</c> value of the DTLS client.</summary>
    public const string Active = "active";

    /// <summary>The <c>a=setup</c> value of the DTLS server.</summary>
    public const string Passive = "passive";

    /// <summary>
    /// Maps the remote <c>a=setup</c> value to our role. Tokens are compared case-insensitively and surrounding
    /// whitespace is ignored. Returns false for "holdconn", empty or unknown values.
    /// </summary>
    public static bool TryGetLocalRole(ReadOnlySpan<char> remoteSetup, out DtlsRole localRole)
    {
        ReadOnlySpan<char> value = remoteSetup.Trim();
        if (value.Equals(Active, StringComparison.OrdinalIgnoreCase))
        {
            localRole = DtlsRole.Server;
            return true;
        }

        if (value.Equals(Passive, StringComparison.OrdinalIgnoreCase)
            || value.Equals(ActPass, StringComparison.OrdinalIgnoreCase))
        {
            localRole = DtlsRole.Client;
            return true;
        }

        localRole = default;
        return false;
    }

    /// <summary>
    /// Maps the remote <c>a=setup</c> value to our role; throws <see cref="FormatException"/> when it has none.
    /// </summary>
    public static DtlsRole GetLocalRole(string remoteSetup)
    {
        ArgumentNullException.ThrowIfNull(remoteSetup);
        return TryGetLocalRole(remoteSetup, out DtlsRole role)
            ? role
            : throw new FormatException($"a=setup value \"{remoteSetup}\" does not establish a DTLS association.");
    }

    /// <summary>The <c>a=setup</c> value that announces <paramref name="localRole"/> in our answer.</summary>
    public static string ToSetupValue(DtlsRole localRole) => localRole switch
    {
        DtlsRole.Client => Active,
        DtlsRole.Server => Passive,
        _ => throw new ArgumentOutOfRangeException(nameof(localRole), localRole, "Unknown DTLS role."),
    };
}
