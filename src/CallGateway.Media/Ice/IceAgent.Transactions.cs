using System.Net;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Ice;

/// <summary>
/// Outstanding STUN transactions: creation, retransmission with RTO doubling (RFC 8489 §6.2.1), timeout,
/// cancellation (RFC 8445 §7.3.1.4) and the send path.
/// </summary>
public sealed partial class IceAgent
{
    private readonly Dictionary<StunTransactionId, IceTransaction> _transactions = [];
    private readonly List<IceTransaction> _scratch = [];
    private long _checksSent;
    private long _consentSent;
    private long _retransmissions;

    /// <summary>
    /// A new Binding request (RFC 8445 §7.2.2): PRIORITY as a peer-reflexive candidate of the local candidate,
    /// USE-CANDIDATE for a nomination, keyed with the remote password.
    /// </summary>
    private void StartTransactionLocked(IceCandidatePair pair, IceTransactionKind kind, TimeSpan now)
    {
        var id = StunTransactionId.NewRandom();
        uint priority = IceCandidate.ComputePriority(IceCandidateType.PeerReflexive, pair.Local.LocalPreference, pair.Local.Component);
        byte[] request = IceMessageFactory.BuildRequest(
            id, _outboundUsername!, priority, _role, _tieBreaker, kind == IceTransactionKind.Nomination, _remoteKey!);
        var transaction = new IceTransaction(id, pair, kind, _role, request, _options.InitialRto)
        {
            NextActionAt = now + _options.InitialRto,
        };
        _transactions[id] = transaction;
        if (kind == IceTransactionKind.Consent)
        {
            _consentSent++;
        }
        else
        {
            _checksSent++;
            if (pair.State != IceCandidatePairState.Succeeded)
            {
                pair.State = IceCandidatePairState.InProgress;
            }
        }

        SendLocked(request, pair.Remote.Address);
    }

    /// <summary>Retransmits due requests with RTO doubling up to the cap; times out after the last RTO.</summary>
    private void ProcessTransactionTimersLocked(TimeSpan now)
    {
        _scratch.Clear();
        foreach (IceTransaction transaction in _transactions.Values)
        {
            if (transaction.NextActionAt <= now)
            {
                _scratch.Add(transaction);
            }
        }

        foreach (IceTransaction transaction in _scratch)
        {
            if (transaction.Cancelled || transaction.Transmissions >= _options.MaxTransmissions)
            {
                _transactions.Remove(transaction.Id);
                if (!transaction.Cancelled)
                {
                    OnTransactionTimeoutLocked(transaction);
                }

                continue;
            }

            transaction.Transmissions++;
            transaction.Rto = TimeSpan.FromTicks(Math.Min(transaction.Rto.Ticks * 2, _options.MaxRto.Ticks));
            transaction.NextActionAt = now + transaction.Rto;
            _retransmissions++;
            SendLocked(transaction.Request, transaction.Pair.Remote.Address);
        }

        _scratch.Clear();
    }

    private void OnTransactionTimeoutLocked(IceTransaction transaction)
    {
        switch (transaction.Kind)
        {
            case IceTransactionKind.Nomination:
                FailPairLocked(transaction.Pair, "nomination timed out");
                break;
            case IceTransactionKind.Check when transaction.Pair.State == IceCandidatePairState.InProgress:
                FailPairLocked(transaction.Pair, "timed out");
                break;
            default:
                break; // consent: expiry is judged by time since the last response, not per request
        }
    }

    /// <summary>RFC 8445 §7.3.1.4: stop retransmitting, keep listening for the response until the RTO runs out.</summary>
    private void CancelChecksForPairLocked(IceCandidatePair pair, TimeSpan now)
    {
        foreach (IceTransaction transaction in _transactions.Values)
        {
            if (ReferenceEquals(transaction.Pair, pair) && transaction.Kind == IceTransactionKind.Check && !transaction.Cancelled)
            {
                transaction.Cancelled = true;
                transaction.NextActionAt = now + transaction.Rto;
            }
        }
    }

    private void CancelAllChecksLocked(TimeSpan now)
    {
        foreach (IceTransaction transaction in _transactions.Values)
        {
            if (transaction.Kind != IceTransactionKind.Consent && !transaction.Cancelled)
            {
                transaction.Cancelled = true;
                transaction.NextActionAt = now + transaction.Rto;
            }
        }

        foreach (IceCandidatePair pair in _triggered)
        {
            pair.InTriggeredQueue = false;
        }

        _triggered.Clear();
    }

    private void SendLocked(ReadOnlySpan<byte> datagram, IPEndPoint to)
    {
        try
        {
            _sender.Send(datagram, to);
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A send failure (e.g. ICMP unreachable surfaced by the socket) is just a lost packet to ICE.
            IceAgentLog.SendFailed(_logger, exception, to);
        }
    }
}
