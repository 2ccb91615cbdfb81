using System.Net;
using CallGateway.Media.Stun;

namespace CallGateway.Media.Ice;

/// <summary>Responses to our requests, RFC 8445 §7.2.5 and RFC 7675 §5.1.</summary>
public sealed partial class IceAgent
{
    private long _successReceived;
    private long _errorReceived;

    /// <summary>
    /// Matches by transaction ID, authenticates with the remote password (RFC 8489 §9.1.4: a response without valid
    /// MESSAGE-INTEGRITY is discarded, so unauthenticated 400/401s and forgeries are ignored and the transaction
    /// keeps retransmitting), then requires the source to equal the request's destination (§7.2.5.2.1).
    /// </summary>
    private bool HandleResponseLocked(StunMessage response, IPEndPoint source, TimeSpan now)
    {
        if (!_transactions.TryGetValue(response.TransactionId, out IceTransaction? transaction))
        {
            return false;
        }

        if (_remoteKey is null || !response.VerifyMessageIntegrity(_remoteKey))
        {
            IceAgentLog.Dropped(_logger, source, "response without valid MESSAGE-INTEGRITY");
            return false;
        }

        _transactions.Remove(transaction.Id);
        if (!SameEndPoint(source, transaction.Pair.Remote.Address))
        {
            if (transaction.Kind != IceTransactionKind.Consent)
            {
                FailPairLocked(transaction.Pair, "response from a different address (not symmetric)");
            }

            return false;
        }

        if (response.Class == StunMessageClass.ErrorResponse)
        {
            _errorReceived++;
            OnErrorResponseLocked(transaction, response);
        }
        else
        {
            _successReceived++;
            OnSuccessResponseLocked(transaction, now);
        }

        return true;
    }

    private void OnSuccessResponseLocked(IceTransaction transaction, TimeSpan now)
    {
        IceCandidatePair pair = transaction.Pair;
        _permitted.Add(pair.Remote.Address);
        if (transaction.Kind == IceTransactionKind.Consent)
        {
            _lastConsentAt = now; // RFC 7675 §5.1: only a response to our own request refreshes consent
            if (_state == IceConnectionState.Disconnected)
            {
                SetStateLocked(IceConnectionState.Connected);
            }

            return;
        }

        // With one socket, the XOR-MAPPED-ADDRESS only matters for discovering a local peer-reflexive candidate
        // (§7.2.5.3.1); every local candidate shares that socket, so the checked pair is the valid pair.
        pair.State = IceCandidatePairState.Succeeded;
        UnfreezeFoundationLocked(pair.Foundation);
        if (!IsActive)
        {
            return;
        }

        if (transaction.Kind == IceTransactionKind.Nomination)
        {
            if (ReferenceEquals(_nominationTarget, pair))
            {
                _nominationTarget = null;
            }

            if (_role == IceRole.Controlling)
            {
                pair.Nominated = true;
                SelectLocked(pair, now);
            }

            return;
        }

        if (_role == IceRole.Controlled && pair.NominateOnSuccess)
        {
            pair.Nominated = true;
            SelectLocked(pair, now);
        }
        else
        {
            MaybeNominateLocked();
        }
    }

    /// <summary>
    /// 487 (§7.2.5.1): switch role if the request still reflects our current role, then retry the pair as a
    /// triggered check. Other authenticated errors fail the pair.
    /// </summary>
    private void OnErrorResponseLocked(IceTransaction transaction, StunMessage response)
    {
        if (transaction.Kind == IceTransactionKind.Consent)
        {
            return;
        }

        IceCandidatePair pair = transaction.Pair;
        if (response.TryGetErrorCode(out StunErrorCode error) && error.Code == StunErrorCode.RoleConflict)
        {
            if (transaction.Role == _role && _options.Mode == IceMode.Full)
            {
                SwitchRoleLocked(_role == IceRole.Controlling ? IceRole.Controlled : IceRole.Controlling);
            }

            if (pair.State != IceCandidatePairState.Succeeded)
            {
                pair.State = IceCandidatePairState.Waiting;
            }

            if (transaction.Kind == IceTransactionKind.Nomination && _role == IceRole.Controlling)
            {
                pair.NominationPending = true;
                EnqueueTriggeredLocked(pair, front: true);
            }
            else
            {
                ClearNominationLocked(pair);
                EnqueueTriggeredLocked(pair, front: false);
            }

            return;
        }

        FailPairLocked(pair, "error response " + error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
