namespace CallGateway.Media.Ice;

/// <summary>
/// A local/remote candidate pair on the checklist, RFC 8445 §6.1.2. Mutated only under the agent's lock.
/// </summary>
internal sealed class IceCandidatePair(IceCandidate local, IceCandidate remote)
{
    public IceCandidate Local { get; } = local;

    public IceCandidate Remote { get; } = remote;

    /// <summary>Pairs with equal foundations are unfrozen together (§6.1.2.6).</summary>
    public string Foundation { get; } = local.Foundation + ":" + remote.Foundation;

    public IceCandidatePairState State { get; set; } = IceCandidatePairState.Frozen;

    /// <summary>RFC 8445 §6.1.2.3 pair priority; depends on the role, so it is recomputed on a role change.</summary>
    public ulong Priority { get; private set; }

    /// <summary>The controlling agent nominated this pair and the nomination succeeded (or the peer nominated it).</summary>
    public bool Nominated { get; set; }

    /// <summary>Controlled: USE-CANDIDATE arrived before our own check on this pair succeeded (§7.3.1.5).</summary>
    public bool NominateOnSuccess { get; set; }

    /// <summary>Controlling: the next check on this pair carries USE-CANDIDATE.</summary>
    public bool NominationPending { get; set; }

    /// <summary>The pair is queued for a triggered check.</summary>
    public bool InTriggeredQueue { get; set; }

    /// <summary>
    /// RFC 8445 §6.1.2.3: 2^32 * MIN(G, D) + 2 * MAX(G, D) + (G &gt; D ? 1 : 0), where G is the controlling agent's
    /// candidate priority and D the controlled agent's.
    /// </summary>
    public static ulong ComputePriority(uint controlling, uint controlled) =>
        ((ulong)Math.Min(controlling, controlled) << 32)
        + (2ul * Math.Max(controlling, controlled))
        + (controlling > controlled ? 1ul : 0ul);

    public void UpdatePriority(IceRole localRole) =>
        Priority = localRole == IceRole.Controlling
            ? ComputePriority(Local.Priority, Remote.Priority)
            : ComputePriority(Remote.Priority, Local.Priority);

    public override string ToString() => Local.Address + " -> " + Remote.Address;
}
