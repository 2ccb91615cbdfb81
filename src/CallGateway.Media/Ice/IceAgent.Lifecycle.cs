using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CallGateway.Media.Ice;

/// <summary>
/// Timer, state machine, selection, consent freshness (RFC 7675) and ordered event delivery outside the lock.
/// </summary>
public sealed partial class IceAgent
{
    private static readonly TimeSpan MinimumTimerDelay = TimeSpan.FromMilliseconds(1);

    private TimeSpan _nextConsentAt;

    /// <summary>Full: time of the last consent response; lite: time of the last authenticated check.</summary>
    private TimeSpan _lastConsentAt;

    /// <summary>A consistent snapshot of the counters.</summary>
    public IceAgentCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new IceAgentCounters
                {
                    ChecksSent = _checksSent,
                    ConsentRequestsSent = _consentSent,
                    Retransmissions = _retransmissions,
                    ChecksReceived = _checksReceived,
                    SuccessResponsesSent = _successSent,
                    ErrorResponsesSent = _errorSent,
                    SuccessResponsesReceived = _successReceived,
                    ErrorResponsesReceived = _errorReceived,
                    DroppedRefusedSource = Interlocked.Read(ref _droppedRefused),
                    DroppedInvalid = Interlocked.Read(ref _droppedInvalid),
                };
            }
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "A timer callback that throws terminates the process and every call on it; a bug here must only fail this agent.")]
    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            TimeSpan now = Now;
            try
            {
                OnTickLocked(now);
            }
            catch (Exception exception)
            {
                IceAgentLog.Unexpected(_logger, exception, "timer");
                FailLocked("internal error");
            }

            RescheduleLocked(now);
        }

        FlushEvents();
    }

    private void OnTickLocked(TimeSpan now)
    {
        if (!IsActive)
        {
            return;
        }

        ProcessTransactionTimersLocked(now);
        if (_state == IceConnectionState.Checking && now >= _checkingDeadline)
        {
            FailLocked("no pair selected within the checking timeout");
            return;
        }

        if (_options.Mode == IceMode.Full)
        {
            SendNextCheckLocked(now);
        }

        CheckConsentLocked(now);
    }

    /// <summary>
    /// RFC 7675 §5.1: a full agent sends a consent request on the selected pair every 0.8-1.2 x interval and loses
    /// consent when no response arrived for the expiry period. Connected becomes Disconnected after
    /// <see cref="IceAgentOptions.DisconnectedTimeout"/> of silence and Failed after
    /// <see cref="IceAgentOptions.ConsentExpiry"/>. A lite agent applies the same clock to incoming checks.
    /// </summary>
    private void CheckConsentLocked(TimeSpan now)
    {
        if (_selected is null || _state is not (IceConnectionState.Connected or IceConnectionState.Disconnected))
        {
            return;
        }

        TimeSpan silence = now - _lastConsentAt;
        if (silence >= _options.ConsentExpiry)
        {
            FailLocked("consent expired (RFC 7675)");
            return;
        }

        if (silence >= _options.DisconnectedTimeout && _state == IceConnectionState.Connected)
        {
            SetStateLocked(IceConnectionState.Disconnected);
        }

        if (_options.Mode == IceMode.Full && now >= _nextConsentAt)
        {
            StartTransactionLocked(_selected, IceTransactionKind.Consent, now);
            _nextConsentAt = now + NextConsentDelay();
        }
    }

    /// <summary>Arms the one-shot timer for the earliest pending deadline, or disarms it.</summary>
    private void RescheduleLocked(TimeSpan now)
    {
        if (_disposed || !IsActive)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        TimeSpan next = TimeSpan.MaxValue;
        foreach (IceTransaction transaction in _transactions.Values)
        {
            next = Min(next, transaction.NextActionAt);
        }

        if (_state == IceConnectionState.Checking)
        {
            next = Min(next, _checkingDeadline);
        }

        if (_options.Mode == IceMode.Full && _remoteKey is not null
            && (_triggered.Count > 0 || (_state == IceConnectionState.Checking && HasCheckablePairLocked())))
        {
            next = Min(next, _lastCheckAt + _options.Ta);
        }

        if (_selected is not null && _state is IceConnectionState.Connected or IceConnectionState.Disconnected)
        {
            next = Min(next, _lastConsentAt + (_state == IceConnectionState.Connected ? _options.DisconnectedTimeout : _options.ConsentExpiry));
            if (_options.Mode == IceMode.Full)
            {
                next = Min(next, _nextConsentAt);
            }
        }

        TimeSpan due = next == TimeSpan.MaxValue ? Timeout.InfiniteTimeSpan
            : next - now < MinimumTimerDelay ? MinimumTimerDelay
            : next - now;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private bool HasCheckablePairLocked()
    {
        foreach (IceCandidatePair pair in _pairs)
        {
            if (pair.State == IceCandidatePairState.Waiting
                || (pair.State == IceCandidatePairState.Frozen && !FoundationBusyLocked(pair.Foundation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Selects a pair (nominated by us or by the peer) and (re)starts the consent clock.</summary>
    private void SelectLocked(IceCandidatePair pair, TimeSpan now)
    {
        if (ReferenceEquals(_selected, pair))
        {
            if (_state == IceConnectionState.Disconnected && _options.Mode == IceMode.Lite)
            {
                SetStateLocked(IceConnectionState.Connected);
            }

            return;
        }

        _selected = pair;
        _selectedRemote = pair.Remote.Address;
        _permitted.Add(pair.Remote.Address);
        IceAgentLog.PairSelected(_logger, pair.Local.Address, pair.Remote.Address, _role);
        _pendingEvents.Enqueue(new IceSelectedPairChangedEventArgs(pair.Local, pair.Remote));
        _lastConsentAt = now;
        _nextConsentAt = now + NextConsentDelay();
        if (_options.Mode == IceMode.Full)
        {
            CancelAllChecksLocked(now); // RFC 8445 §8.1.2: checking for the component is over
        }

        if (_state is IceConnectionState.Checking or IceConnectionState.Disconnected)
        {
            SetStateLocked(IceConnectionState.Connected);
        }
    }

    private void SetStateLocked(IceConnectionState state)
    {
        IceConnectionState previous = _state;
        if (previous == state || previous is IceConnectionState.Failed or IceConnectionState.Closed)
        {
            return;
        }

        _state = state;
        IceAgentLog.StateChanged(_logger, previous, state);
        _pendingEvents.Enqueue(new IceStateChangedEventArgs(previous, state));
    }

    /// <summary>Terminal failure: stop all transactions and revoke every permission.</summary>
    private void FailLocked(string why)
    {
        if (_state is IceConnectionState.Failed or IceConnectionState.Closed)
        {
            return;
        }

        IceAgentLog.Failed(_logger, why);
        _transactions.Clear();
        foreach (IceCandidatePair pair in _triggered)
        {
            pair.InTriggeredQueue = false;
        }

        _triggered.Clear();
        _permitted.Clear();
        _selectedRemote = null;
        SetStateLocked(IceConnectionState.Failed);
    }

    /// <summary>
    /// Raises queued events without holding the lock. One thread drains at a time so events keep their order;
    /// a thread that finds another draining leaves its events to it.
    /// </summary>
    private void FlushEvents()
    {
        lock (_gate)
        {
            if (_dispatching || _pendingEvents.Count == 0)
            {
                return;
            }

            _dispatching = true;
        }

        while (true)
        {
            EventArgs next;
            lock (_gate)
            {
                if (_disposed || _pendingEvents.Count == 0)
                {
                    _pendingEvents.Clear();
                    _dispatching = false;
                    return;
                }

                next = _pendingEvents.Dequeue();
            }

            Raise(next);
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "A throwing subscriber must not break the socket receive loop or kill the process from a timer thread.")]
    private void Raise(EventArgs args)
    {
        try
        {
            if (args is IceStateChangedEventArgs stateChanged)
            {
                StateChanged?.Invoke(this, stateChanged);
            }
            else if (args is IceSelectedPairChangedEventArgs pairChanged)
            {
                SelectedPairChanged?.Invoke(this, pairChanged);
            }
        }
        catch (Exception exception)
        {
            IceAgentLog.Unexpected(_logger, exception, "event handler");
        }
    }

    /// <summary>RFC 7675 §5.1: the interval randomised uniformly over 0.8-1.2 times its mean.</summary>
    private TimeSpan NextConsentDelay() =>
        TimeSpan.FromTicks(_options.ConsentInterval.Ticks / 1000 * RandomNumberGenerator.GetInt32(800, 1201));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
