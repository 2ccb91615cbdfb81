using Org.BouncyCastle.Tls;

namespace CallGateway.Media.Dtls;

/// <summary>The established association: thread-pool record processing, closure, and the Closed event.</summary>
public sealed partial class DtlsSession
{
    // BouncyCastle treats 0 as "wait forever"; 1 ms is the shortest finite wait. The drain only calls Receive when a
    // datagram is queued, so the wait is spent only after a non-application record (retransmit, alert).
    private const int DrainWaitMillis = 1;

    private readonly Lock _receiveLock = new();
    private DtlsTransport? _dtls;
    private DtlsHandshakePolicy? _policy;
    private byte[] _receiveBuffer = [];
    private int _drainScheduled;
    private int _closedRaised;

    /// <summary>
    /// Raised once when an established association ends: peer close_notify, peer fatal alert, our own close, a local
    /// protocol error, or the transport being closed underneath. Raised on a thread-pool thread; handlers must not
    /// block for long. Not raised for a failed handshake (HandshakeAsync throws instead).
    /// </summary>
    public event EventHandler<DtlsClosedEventArgs>? Closed;

    /// <summary>
    /// Ends the association: sends close_notify when established (RFC 5246 §7.2.1), aborts a running handshake
    /// (HandshakeAsync then fails with <see cref="DtlsFailureReason.TransportClosed"/>), and closes the transport.
    /// Completes synchronously; may wait a few milliseconds for a record being processed. Idempotent.
    /// </summary>
    public ValueTask CloseAsync()
    {
        CloseCore();
        return ValueTask.CompletedTask;
    }

    /// <summary>Same as <see cref="CloseAsync"/>.</summary>
    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>Same as <see cref="CloseAsync"/>.</summary>
    public void Dispose() => CloseCore();

    private void CloseCore()
    {
        if (Interlocked.CompareExchange(ref _abortReason, AbortLocalClose, AbortNone) == AbortNone
            && Volatile.Read(ref _state) == StateEstablished)
        {
            lock (_receiveLock)
            {
                // Sends close_notify, then closes our transport, which raises Closed(LocalClose).
                _dtls?.Close();
            }
        }

        _transport.Close();
        Interlocked.CompareExchange(ref _state, StateEnded, StateCreated);
    }

    private void Establish(DtlsTransport dtls, DtlsHandshakePolicy policy)
    {
        _dtls = dtls;
        _policy = policy;
        _receiveBuffer = new byte[Math.Max(dtls.GetReceiveLimit(), 1)];
        Volatile.Write(ref _state, StateEstablished);

        // From now on the queue is drained on the thread pool; anything that arrived in between is drained now.
        _transport.SetCallbacks(ScheduleDrain, OnTransportClosed);
        if (_transport.PendingCount > 0)
        {
            ScheduleDrain();
        }
    }

    private void ScheduleDrain()
    {
        if (Interlocked.Exchange(ref _drainScheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static session => session.Drain(), this, preferLocal: false);
        }
    }

    private void Drain()
    {
        while (true)
        {
            lock (_receiveLock)
            {
                while (IsEstablished && _transport.PendingCount > 0)
                {
                    ReceiveOne();
                }
            }

            Volatile.Write(ref _drainScheduled, 0);

            // A datagram enqueued after the last check but before the flag was cleared found the flag set and did not
            // schedule; pick it up here unless another drain was scheduled meanwhile.
            if (!IsEstablished || _transport.PendingCount == 0 || Interlocked.Exchange(ref _drainScheduled, 1) != 0)
            {
                return;
            }
        }
    }

    private void ReceiveOne()
    {
        try
        {
            // Handshake retransmits are answered, alerts handled (close_notify is answered and closes the
            // transport) inside Receive; application data is not used by WebRTC audio.
            int length = _dtls!.Receive(_receiveBuffer, 0, _receiveBuffer.Length, DrainWaitMillis);
            if (length >= 0)
            {
                DtlsLog.ApplicationDataDiscarded(_logger, length);
            }
        }
        catch (Exception e)
        {
            // Runs on the thread pool: nothing may escape. The transport-closed hook reports the reason.
            if (e is not TlsException)
            {
                DtlsLog.ReceiveFailed(_logger, e);
            }

            _transport.Close();
        }
    }

    // Runs once, on whichever thread closed the transport (BouncyCastle after close_notify or an alert, CloseCore,
    // or the transport's owner). The policy already recorded the alerts that led here.
    private void OnTransportClosed()
    {
        DtlsHandshakePolicy? policy = _policy;
        (DtlsCloseReason reason, byte? alert) = policy switch
        {
            _ when Volatile.Read(ref _abortReason) == AbortLocalClose => (DtlsCloseReason.LocalClose, (byte?)null),
            { CloseNotifyReceived: true } => (DtlsCloseReason.CloseNotify, (byte)AlertDescription.close_notify),
            { ReceivedFatalAlert: { } received } => (DtlsCloseReason.PeerAlert, received),
            { RaisedFatalAlert: { } raised } => (DtlsCloseReason.LocalAlert, raised),
            _ => (DtlsCloseReason.TransportClosed, null),
        };
        RaiseClosed(reason, alert);
    }

    private void RaiseClosed(DtlsCloseReason reason, byte? alert)
    {
        if (Interlocked.Exchange(ref _closedRaised, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _state, StateEnded);
        DtlsLog.Closed(_logger, reason, alert);
        var args = new DtlsClosedEventArgs(reason, alert);

        // Asynchronously: we may be inside BouncyCastle (which is closing), and a handler may call back into us.
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Session.InvokeClosed(state.Args), (Session: this, Args: args),
            preferLocal: false);
    }

    private void InvokeClosed(DtlsClosedEventArgs args)
    {
        try
        {
            Closed?.Invoke(this, args);
        }
        catch (Exception e)
        {
            // A throwing handler must not take the process down from a thread-pool thread.
            DtlsLog.ClosedHandlerFailed(_logger, e);
        }
    }
}
