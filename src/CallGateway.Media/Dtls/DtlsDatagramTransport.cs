using System.Buffers;
using System.Net.Sockets;
using Org.BouncyCastle.Tls;

namespace CallGateway.Media.Dtls;

/// <summary>
/// Bridges the media session's demultiplexed socket to BouncyCastle's blocking <see cref="DatagramTransport"/>.
/// The demultiplexer hands every DTLS datagram (first byte 20..63, RFC 7983 §7) from the ICE-selected remote to
/// <see cref="TryEnqueue"/>; BouncyCastle pulls them with <c>Receive</c> and sends through the callback given to the
/// constructor. One transport serves one DTLS association; once closed it stays closed.
/// </summary>
/// <remarks>
/// <para>Threading: <see cref="TryEnqueue"/> may be called from any thread (normally the socket's receive loop) and
/// never blocks; it copies the datagram into a bounded queue (pooled buffers). Oversize datagrams
/// (&gt; <see cref="DtlsOptions.ReceiveLimit"/>) and datagrams arriving while the queue is full are dropped and
/// counted. <c>Receive</c> is called by one BouncyCastle reader at a time and waits on a monitor (no polling).
/// The send callback is invoked on BouncyCastle's thread (handshake thread, thread-pool drain, or the caller of
/// <see cref="DtlsSession.CloseAsync"/>); it must not block and should send to the currently selected remote.
/// Socket errors it throws are counted and treated as loss. <see cref="Close"/> is idempotent and thread-safe.</para>
/// </remarks>
public sealed class DtlsDatagramTransport : DatagramTransport, IDisposable
{
    private readonly Action<ReadOnlySpan<byte>> _send;
    private readonly Queue<(byte[] Buffer, int Length)> _queue;
    // A plain object, not System.Threading.Lock: Receive waits with Monitor.Wait.
    private readonly object _gate = new();
    private readonly int _capacity;
    private bool _closed;
    private Action? _datagramQueued;
    private Action? _closedCallback;
    private long _enqueued;
    private long _droppedOversize;
    private long _droppedOverflow;
    private long _sent;
    private long _sendFailures;

    /// <param name="send">Sends one datagram to the current remote; called by BouncyCastle.</param>
    /// <param name="options">Limits and queue size; defaults to <see cref="DtlsOptions"/> defaults.</param>
    public DtlsDatagramTransport(Action<ReadOnlySpan<byte>> send, DtlsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        options ??= new DtlsOptions();
        options.Validate();
        _send = send;
        _capacity = options.ReceiveQueueCapacity;
        _queue = new Queue<(byte[], int)>(_capacity);
        SendLimit = options.SendLimit;
        ReceiveLimit = options.ReceiveLimit;
    }

    /// <summary>Largest datagram handed to the send callback.</summary>
    public int SendLimit { get; }

    /// <summary>Largest datagram accepted by <see cref="TryEnqueue"/>.</summary>
    public int ReceiveLimit { get; }

    /// <summary>Datagrams accepted into the queue.</summary>
    public long EnqueuedCount => Interlocked.Read(ref _enqueued);

    /// <summary>Datagrams dropped because they exceeded <see cref="ReceiveLimit"/>.</summary>
    public long DroppedOversizeCount => Interlocked.Read(ref _droppedOversize);

    /// <summary>Datagrams dropped because the queue was full.</summary>
    public long DroppedOverflowCount => Interlocked.Read(ref _droppedOverflow);

    /// <summary>Datagrams passed to the send callback without error.</summary>
    public long SentCount => Interlocked.Read(ref _sent);

    /// <summary>Send callback invocations that failed with a socket error.</summary>
    public long SendFailureCount => Interlocked.Read(ref _sendFailures);

    /// <summary>Datagrams waiting to be read by DTLS.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>True once <see cref="Close"/> ran (by the owner, the session, or BouncyCastle itself).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>
    /// Queues a copy of one DTLS datagram. Returns false (and counts it) when it is empty, too large, the queue is
    /// full, or the transport is closed. Never blocks, never throws.
    /// </summary>
    public bool TryEnqueue(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return false;
        }

        if (datagram.Length > ReceiveLimit)
        {
            Interlocked.Increment(ref _droppedOversize);
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(datagram.Length);
        datagram.CopyTo(buffer);
        Action? queued;
        lock (_gate)
        {
            if (_closed || _queue.Count >= _capacity)
            {
                if (!_closed)
                {
                    Interlocked.Increment(ref _droppedOverflow);
                }

                ArrayPool<byte>.Shared.Return(buffer);
                return false;
            }

            _queue.Enqueue((buffer, datagram.Length));
            Interlocked.Increment(ref _enqueued);
            Monitor.Pulse(_gate);
            queued = _datagramQueued;
        }

        queued?.Invoke();
        return true;
    }

    /// <summary>Closes the transport: wakes a blocked reader (it then throws), drops queued datagrams, stops sending.</summary>
    public void Close()
    {
        Action? closed;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            while (_queue.TryDequeue(out (byte[] Buffer, int Length) item))
            {
                ArrayPool<byte>.Shared.Return(item.Buffer);
            }

            Monitor.PulseAll(_gate);
            closed = _closedCallback;
            _datagramQueued = null;
            _closedCallback = null;
        }

        closed?.Invoke();
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <summary>
    /// Session hooks: <paramref name="datagramQueued"/> runs after each successful enqueue (post-handshake drain),
    /// <paramref name="closed"/> once when the transport closes. Both run outside the queue lock.
    /// </summary>
    internal void SetCallbacks(Action? datagramQueued, Action? closed)
    {
        bool alreadyClosed;
        lock (_gate)
        {
            alreadyClosed = _closed;
            if (!alreadyClosed)
            {
                _datagramQueued = datagramQueued;
                _closedCallback = closed;
            }
        }

        if (alreadyClosed)
        {
            closed?.Invoke();
        }
    }

    int DatagramReceiver.GetReceiveLimit() => ReceiveLimit;

    int DatagramSender.GetSendLimit() => SendLimit;

    int DatagramReceiver.Receive(byte[] buf, int off, int len, int waitMillis) =>
        ((DatagramReceiver)this).Receive(buf.AsSpan(off, len), waitMillis);

    // BouncyCastle's contract: waitMillis == 0 waits forever, -1 means "nothing within waitMillis" (that drives its
    // retransmission timer). A closed transport throws so a blocked handshake ends instead of spinning on -1.
    int DatagramReceiver.Receive(Span<byte> buffer, int waitMillis)
    {
        (byte[] Buffer, int Length) item;
        lock (_gate)
        {
            if (!WaitForDatagram(waitMillis))
            {
                return -1;
            }

            item = _queue.Dequeue();
        }

        int length = Math.Min(item.Length, buffer.Length);
        item.Buffer.AsSpan(0, length).CopyTo(buffer);
        ArrayPool<byte>.Shared.Return(item.Buffer);
        return length;
    }

    void DatagramSender.Send(byte[] buf, int off, int len) => ((DatagramSender)this).Send(buf.AsSpan(off, len));

    void DatagramSender.Send(ReadOnlySpan<byte> buffer)
    {
        if (IsClosed)
        {
            return;
        }

        try
        {
            _send(buffer);
            Interlocked.Increment(ref _sent);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // UDP: a failed send is a lost datagram; DTLS retransmission recovers or times out.
            Interlocked.Increment(ref _sendFailures);
        }
    }

    void TlsCloseable.Close() => Close();

    // Called with _gate held. True when a datagram is queued; false on timeout; throws when closed.
    private bool WaitForDatagram(int waitMillis)
    {
        long deadline = waitMillis > 0 ? Environment.TickCount64 + waitMillis : long.MaxValue;
        while (_queue.Count == 0 && !_closed)
        {
            if (waitMillis == 0)
            {
                Monitor.Wait(_gate);
                continue;
            }

            long remaining = deadline - Environment.TickCount64;
            if (remaining <= 0 || !Monitor.Wait(_gate, (int)remaining))
            {
                break;
            }
        }

        if (_closed)
        {
            throw new TlsFatalAlert(AlertDescription.user_canceled, "DTLS transport closed");
        }

        return _queue.Count > 0;
    }
}
