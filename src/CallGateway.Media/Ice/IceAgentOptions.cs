namespace CallGateway.Media.Ice;

/// <summary>
/// Timing, limits and policy of an <see cref="IceAgent"/>. Defaults follow RFC 8445 §14 (Ta = 50 ms),
/// RFC 8489 §6.2.1 (RTO doubling, 7 transmissions; the initial RTO is lowered to 200 ms as browsers do for ICE,
/// where RTT is known to be small) and RFC 7675 (consent every 5 s randomised to 4-6 s, expiry after 30 s).
/// </summary>
public sealed class IceAgentOptions
{
    /// <summary>Full (the gateway) or lite (the Meta-edge emulation in the sandbox).</summary>
    public IceMode Mode { get; set; } = IceMode.Full;

    /// <summary>Pacing: at most one new check transaction per Ta (RFC 8445 §14.2).</summary>
    public TimeSpan Ta { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>First retransmission timeout; doubles per retransmission up to <see cref="MaxRto"/>.</summary>
    public TimeSpan InitialRto { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of the retransmission timeout.</summary>
    public TimeSpan MaxRto { get; set; } = TimeSpan.FromMilliseconds(1600);

    /// <summary>Transmissions per request including the first (RFC 8489 Rc = 7).</summary>
    public int MaxTransmissions { get; set; } = 7;

    /// <summary>Checking without a selected pair for this long fails the agent.</summary>
    public TimeSpan CheckingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Mean consent-freshness interval; each wait is drawn from 0.8-1.2 times it (RFC 7675 §5.1).</summary>
    public TimeSpan ConsentInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// No consent for this long moves Connected to Disconnected (an early warning; media keeps flowing).
    /// Lite agents measure it from the last authenticated check.
    /// </summary>
    public TimeSpan DisconnectedTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No consent for this long fails the agent (RFC 7675 §5.1: 30 s). Lite: no authenticated check.</summary>
    public TimeSpan ConsentExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Which remote addresses may be used (loopback/private refused unless allowed here).</summary>
    public RemoteAddressPolicyOptions AddressPolicy { get; set; } = RemoteAddressPolicyOptions.Default;

    /// <summary>Remote candidates kept per m-line (signalled plus peer-reflexive).</summary>
    public int MaxRemoteCandidates { get; set; } = 10;

    /// <summary>Candidate pairs kept.</summary>
    public int MaxCandidatePairs { get; set; } = 100;

    /// <summary>Checks the values are usable.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        RequirePositive(Ta, nameof(Ta));
        RequirePositive(InitialRto, nameof(InitialRto));
        RequirePositive(CheckingTimeout, nameof(CheckingTimeout));
        RequirePositive(ConsentInterval, nameof(ConsentInterval));
        RequirePositive(DisconnectedTimeout, nameof(DisconnectedTimeout));
        RequirePositive(ConsentExpiry, nameof(ConsentExpiry));
        if (MaxRto < InitialRto)
        {
            throw new ArgumentException("MaxRto must be at least InitialRto.", nameof(MaxRto));
        }

        if (DisconnectedTimeout > ConsentExpiry)
        {
            throw new ArgumentException("DisconnectedTimeout must not exceed ConsentExpiry.", nameof(DisconnectedTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTransmissions, 1, nameof(MaxTransmissions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRemoteCandidates, 1, nameof(MaxRemoteCandidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidatePairs, 1, nameof(MaxCandidatePairs));
        ArgumentNullException.ThrowIfNull(AddressPolicy, nameof(AddressPolicy));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }
}
