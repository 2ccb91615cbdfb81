namespace CallGateway.Media.Session;

public sealed partial class MediaSession
{
    private readonly Lock _tickGate = new();
    private short[] _outFrame = [];
    private short[] _inFrame = [];
    private long _lateFrames;
    private long _dtmfReceived;

    /// <summary>
    /// One 20 ms step on the media clock: send this frame (from the source, or silence), play out one received frame,
    /// report DTMF, and send RTCP when due.
    /// </summary>
    public void OnTick(TimeSpan lateBy)
    {
        lock (_tickGate)
        {
            if (Volatile.Read(ref _closed) != 0 || _sender is not { } sender || _receiver is not { } receiver || _srtpOut is null)
            {
                return;
            }

            if (_outFrame.Length != FrameSamples)
            {
                _outFrame = new short[FrameSamples];
                _inFrame = new short[FrameSamples];
            }

            if (lateBy > MediaClock.FrameDuration)
            {
                _lateFrames++;
            }

            var now = _engine.Time.GetElapsedTime(_engine.Epoch);
            var sinks = Volatile.Read(ref _sinks);
            if (_sending)
            {
                if (_source is not { } source || !source.ReadFrame(_outFrame))
                {
                    Array.Clear(_outFrame);
                }

                Deliver(sinks, AudioDirection.Sent, _outFrame);
                sender.Tick(_outFrame, this, now);
            }

            if (receiver.Playout(_inFrame))
            {
                Deliver(sinks, AudioDirection.Received, _inFrame);
            }

            ReportDigits(receiver);
            SendRtcpIfDue(now);
        }
    }

    private void ReportDigits(RtpAudioReceiver receiver)
    {
        if (receiver.TakeDigits() is not { } digits)
        {
            return;
        }

        foreach (var digit in digits)
        {
            _dtmfReceived++;
            _request.Observer?.OnDtmf(this, digit.Digit, digit.Duration);
        }
    }

    private static void Deliver(IAudioSink[] sinks, AudioDirection direction, short[] frame)
    {
        foreach (var sink in sinks)
        {
            sink.OnFrame(direction, frame);
        }
    }

    void IRtpPacketSink.SendRtp(Span<byte> buffer, int length)
    {
        if (_srtpOut is { } srtp && _ice.SelectedRemote is { } remote
            && srtp.ProtectRtp(buffer, length, out var protectedLength) == Srtp.SrtpResult.Ok)
        {
            _socket.Send(buffer[..protectedLength], remote);
        }
    }
}
