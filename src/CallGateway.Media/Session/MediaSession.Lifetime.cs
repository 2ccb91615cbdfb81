namespace CallGateway.Media.Session;

public sealed partial class MediaSession
{
    public MediaStats GetStats()
    {
        var received = _receiver?.Counters() ?? default;
        var sent = _sender?.Statistics;
        return new MediaStats
        {
            PacketsSent = sent?.PacketCount ?? 0,
            BytesSent = sent?.OctetCount ?? 0,
            PacketsReceived = received.Packets,
            BytesReceived = received.Bytes,
            PacketsLost = received.Lost,
            JitterMs = received.JitterMs,
            FramesConcealed = _receiver?.FramesConcealed ?? 0,
            PacketsRejected = Interlocked.Read(ref _packetsRejected),
            DtmfReceived = Interlocked.Read(ref _dtmfReceived),
            DtmfSent = _sender?.DtmfDigitsSent ?? 0,
            LateFrames = Interlocked.Read(ref _lateFrames),
            RoundTripMs = _roundTripMs,
            Codec = _negotiation?.Codec.Name,
            SrtpProfile = _srtpProfile,
            SelectedRemote = _ice.SelectedRemote?.ToString(),
        };
    }

    /// <summary>Stops the clock, says goodbye to DTLS (close_notify), closes ICE and the socket, then wipes the keys.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _clockRegistration?.Dispose();
        lock (_tickGate)
        {
            // Waits for a tick in progress; later ticks see _closed.
        }

        await _dtls.CloseAsync().ConfigureAwait(false);
        _ice.Dispose();
        await _socket.DisposeAsync().ConfigureAwait(false);
        await _dtls.DisposeAsync().ConfigureAwait(false);
        _dtlsTransport.Dispose();
        _srtpOut?.Dispose();
        _srtpIn?.Dispose();
        _sender?.Dispose();
        _receiver?.Dispose();
        _engine.OnSessionClosed(this);
        SetState(MediaSessionState.Closed, null);
    }
}
