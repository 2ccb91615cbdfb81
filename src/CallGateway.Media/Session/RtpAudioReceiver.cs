using CallGateway.Media.Audio;
using CallGateway.Media.Codecs;
using CallGateway.Media.Dtmf;
using CallGateway.Media.Rtp;

namespace CallGateway.Media.Session;

/// <summary>
/// The remote's RTP stream: audio into the jitter buffer (filled from the receive loop), decoded on the media clock
/// (FEC, then PLC, for lost frames); telephone-events into the DTMF receiver. One lock guards the shared state.
/// </summary>
internal sealed class RtpAudioReceiver : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IAudioDecoder _decoder;
    private readonly int _audioPayloadType;
    private readonly int? _dtmf8000;
    private readonly int? _dtmf48000;
    private readonly int _clockRate;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly JitterBuffer _jitter;
    private readonly DtmfReceiver _dtmf;
    private readonly byte[] _payload = new byte[1500];
    private RtpReceiverStatistics? _statistics;
    private long _concealed;
    private long _decodeErrors;
    private long _otherPayloads;

    public RtpAudioReceiver(IAudioDecoder decoder, int audioPayloadType, int clockRate, int? dtmf8000, int? dtmf48000, TimeProvider time)
    {
        _decoder = decoder;
        _audioPayloadType = audioPayloadType;
        _clockRate = clockRate;
        _dtmf8000 = dtmf8000;
        _dtmf48000 = dtmf48000;
        _time = time;
        _started = time.GetTimestamp();
        _jitter = new JitterBuffer(new JitterBufferOptions { ClockRate = clockRate }, time);
        _dtmf = new DtmfReceiver(dtmf8000 is not null ? 8000 : 48000, time);
    }

    public long FramesConcealed => Interlocked.Read(ref _concealed);

    /// <summary>Handles one decrypted RTP packet (receive loop).</summary>
    public void OnRtp(ReadOnlySpan<byte> packet)
    {
        if (!RtpPacket.TryParse(packet, out var rtp))
        {
            return;
        }

        var header = rtp.Header;
        lock (_gate)
        {
            if (_statistics is null || _statistics.Ssrc != header.Ssrc)
            {
                _statistics = new RtpReceiverStatistics(header.Ssrc, _clockRate);
                _dtmf.Reset();
            }

            var arrival = RtpClock.ToRtpUnits(_time.GetElapsedTime(_started), _clockRate);
            _statistics.OnPacketReceived(header.SequenceNumber, header.Timestamp, arrival, rtp.Payload.Length);
            if (header.PayloadType == _audioPayloadType)
            {
                _jitter.Insert(header.Ssrc, header.SequenceNumber, header.Timestamp, rtp.Payload);
            }
            else if (header.PayloadType == _dtmf8000 || header.PayloadType == _dtmf48000)
            {
                _dtmf.Receive(header.Timestamp, header.Marker, rtp.Payload);
            }
            else
            {
                _otherPayloads++;
            }
        }
    }

    /// <summary>Produces the next 20 ms of received audio (media clock); false before the first packet or while the buffer prefills.</summary>
    public bool Playout(Span<short> frame)
    {
        lock (_gate)
        {
            var next = _jitter.Playout(_payload);
            switch (next.Kind)
            {
                case JitterBufferPlayoutKind.Frame:
                    if (!_decoder.Decode(_payload.AsSpan(0, next.PayloadLength), frame))
                    {
                        _decodeErrors++;
                    }

                    return true;
                case JitterBufferPlayoutKind.Missing when next.NextIsPresent:
                    _decoder.DecodeFromNext(_payload.AsSpan(0, next.PayloadLength), frame);
                    _concealed++;
                    return true;
                case JitterBufferPlayoutKind.Missing:
                    _decoder.Conceal(frame);
                    _concealed++;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Digits completed since the last call (media clock).</summary>
    public List<DtmfDigitEvent>? TakeDigits()
    {
        lock (_gate)
        {
            _dtmf.Poll();
            List<DtmfDigitEvent>? digits = null;
            while (_dtmf.TryReadDigit(out var digit))
            {
                (digits ??= []).Add(digit);
            }

            return digits;
        }
    }

    /// <summary>Reception report for RTCP (starts a new loss interval).</summary>
    public RtpReceptionReport? CreateReport()
    {
        lock (_gate)
        {
            return _statistics is { IsValid: true } s ? s.CreateReceptionReport() : null;
        }
    }

    public void OnSenderReport(uint ssrc, ulong ntp, TimeSpan arrival)
    {
        lock (_gate)
        {
            if (_statistics?.Ssrc == ssrc)
            {
                _statistics.OnSenderReport(ntp, arrival);
            }
        }
    }

    public (long Packets, long Bytes, long Lost, double JitterMs) Counters()
    {
        lock (_gate)
        {
            return _statistics is null
                ? (0, 0, 0, 0)
                : (_statistics.PacketsReceived, _statistics.BytesReceived, Math.Max(0, _statistics.Lost), _statistics.Jitter * 1000.0 / _clockRate);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _jitter.Dispose();
            _decoder.Dispose();
        }
    }
}
