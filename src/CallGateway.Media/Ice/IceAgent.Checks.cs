using System.Net;

namespace CallGateway.Media.Ice;

/// <summary>
/// The checklist (RFC 8445 §6.1.2), paced checks (§6.1.4.2), triggered checks (§7.3.1.4) and regular nomination
/// (§8.1.1).
/// </summary>
public sealed partial class IceAgent
{
    private readonly List<IceCandidatePair> _triggered = [];
    private IceCandidatePair? _nominationTarget;
    private TimeSpan _lastCheckAt;
    private TimeSpan _checkingDeadline;

    private IceCandidate? AddRemoteCandidateLocked(IceCandidate candidate)
    {
        if (candidate.Component != IceCandidate.RtpComponent
            || !string.Equals(candidate.Transport, "udp", StringComparison.OrdinalIgnoreCase))
        {
            IceAgentLog.RemoteCandidateIgnored(_logger, candidate.Address, "not UDP component 1");
            return null;
        }

        IPEndPoint address = Normalize(candidate.Address);
        RemoteAddressDecision decision = RemoteAddressPolicy.Evaluate(address, _options.AddressPolicy);
        if (!decision.IsAllowed)
        {
            IceAgentLog.RemoteCandidateRefused(_logger, address.ToString(), decision.Reason);
            return null;
        }

        IceCandidate? existing = FindRemoteLocked(address);
        if (existing is not null)
        {
            return existing;
        }

        if (_remoteCandidates.Count >= _options.MaxRemoteCandidates)
        {
            IceAgentLog.RemoteCandidateIgnored(_logger, address, "remote candidate limit reached");
            return null;
        }

        IceCandidate accepted = candidate with { Address = address };
        _remoteCandidates.Add(accepted);
        CreatePairsLocked(accepted);
        return accepted;
    }

    private IceCandidate? FindRemoteLocked(IPEndPoint address)
    {
        foreach (IceCandidate remote in _remoteCandidates)
        {
            if (SameEndPoint(remote.Address, address))
            {
                return remote;
            }
        }

        return null;
    }

    /// <summary>Pairs the remote candidate with the local candidate of its family (one socket, so one local).</summary>
    private void CreatePairsLocked(IceCandidate remote)
    {
        IceCandidate? local = LocalFor(remote.Address.AddressFamily);
        if (local is null)
        {
            IceAgentLog.RemoteCandidateIgnored(_logger, remote.Address, "no local candidate of that address family");
            return;
        }

        if (_pairs.Count >= _options.MaxCandidatePairs)
        {
            IceAgentLog.RemoteCandidateIgnored(_logger, remote.Address, "candidate pair limit reached");
            return;
        }

        var pair = new IceCandidatePair(local, remote);
        pair.UpdatePriority(_role);
        pair.State = FoundationBusyLocked(pair.Foundation) ? IceCandidatePairState.Frozen : IceCandidatePairState.Waiting;
        int index = 0;
        while (index < _pairs.Count && _pairs[index].Priority >= pair.Priority)
        {
            index++;
        }

        _pairs.Insert(index, pair);
    }

    private bool FoundationBusyLocked(string foundation)
    {
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.Foundation == foundation
                && pair.State is IceCandidatePairState.Waiting or IceCandidatePairState.InProgress)
            {
                return true;
            }
        }

        return false;
    }

    private void UnfreezeFoundationLocked(string foundation)
    {
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == IceCandidatePairState.Frozen && pair.Foundation == foundation)
            {
                pair.State = IceCandidatePairState.Waiting;
            }
        }
    }

    private void SwitchRoleLocked(IceRole role)
    {
        if (_role != role)
        {
            IceAgentLog.RoleSwitched(_logger, role);
        }

        _role = role;
        foreach (IceCandidatePair pair in _pairs)
        {
            pair.UpdatePriority(role);
            if (role == IceRole.Controlled)
            {
                pair.NominationPending = false;
            }
        }

        if (role == IceRole.Controlled)
        {
            _nominationTarget = null;
        }

        _pairs.Sort(static (a, b) => b.Priority.CompareTo(a.Priority));
        if (role == IceRole.Controlling && IsActive)
        {
            MaybeNominateLocked();
        }
    }

    private void EnqueueTriggeredLocked(IceCandidatePair pair, bool front)
    {
        if (pair.InTriggeredQueue)
        {
            if (!front)
            {
                return;
            }

            _triggered.Remove(pair);
        }

        pair.InTriggeredQueue = true;
        _triggered.Insert(front ? 0 : _triggered.Count, pair);
    }

    /// <summary>
    /// Controlling, regular nomination: once a pair has succeeded and nothing is nominated yet, send exactly one
    /// USE-CANDIDATE check, on the highest-priority valid pair (the pair we will then use).
    /// </summary>
    private void MaybeNominateLocked()
    {
        if (_role != IceRole.Controlling || _options.Mode != IceMode.Full || _selected is not null || _nominationTarget is not null)
        {
            return;
        }

        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == IceCandidatePairState.Succeeded)
            {
                _nominationTarget = pair;
                pair.NominationPending = true;
                IceAgentLog.Nominating(_logger, pair);
                EnqueueTriggeredLocked(pair, front: true);
                return;
            }
        }
    }

    private void ClearNominationLocked(IceCandidatePair pair)
    {
        pair.NominationPending = false;
        if (ReferenceEquals(_nominationTarget, pair))
        {
            _nominationTarget = null;
        }
    }

    /// <summary>Sends at most one new check per Ta: the triggered queue first, then the best Waiting/Frozen pair.</summary>
    private void SendNextCheckLocked(TimeSpan now)
    {
        if (_remoteKey is null || now < _lastCheckAt + _options.Ta)
        {
            return;
        }

        IceCandidatePair? pair = DequeueTriggeredLocked();
        if (pair is null && _state == IceConnectionState.Checking)
        {
            pair = NextOrdinaryPairLocked();
        }

        if (pair is null)
        {
            return;
        }

        bool nominate = pair.NominationPending && _role == IceRole.Controlling;
        pair.NominationPending = false;
        StartTransactionLocked(pair, nominate ? IceTransactionKind.Nomination : IceTransactionKind.Check, now);
        _lastCheckAt = now;
    }

    private IceCandidatePair? DequeueTriggeredLocked()
    {
        while (_triggered.Count > 0)
        {
            IceCandidatePair pair = _triggered[0];
            _triggered.RemoveAt(0);
            pair.InTriggeredQueue = false;
            bool wanted = pair.NominationPending || pair.State is not (IceCandidatePairState.Succeeded or IceCandidatePairState.InProgress);
            if (wanted)
            {
                return pair;
            }
        }

        return null;
    }

    /// <summary>
    /// RFC 8445 §6.1.4.2: the highest-priority Waiting pair; failing that, unfreeze the highest-priority Frozen pair
    /// whose foundation has nothing Waiting or In-Progress.
    /// </summary>
    private IceCandidatePair? NextOrdinaryPairLocked()
    {
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == IceCandidatePairState.Waiting)
            {
                return pair;
            }
        }

        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == IceCandidatePairState.Frozen && !FoundationBusyLocked(pair.Foundation))
            {
                pair.State = IceCandidatePairState.Waiting;
                return pair;
            }
        }

        return null;
    }

    private void FailPairLocked(IceCandidatePair pair, string why)
    {
        IceAgentLog.PairFailed(_logger, pair, why);
        pair.State = IceCandidatePairState.Failed;
        pair.NominateOnSuccess = false;
        bool wasTarget = ReferenceEquals(_nominationTarget, pair);
        ClearNominationLocked(pair);
        if (wasTarget && IsActive)
        {
            MaybeNominateLocked();
        }
    }
}
