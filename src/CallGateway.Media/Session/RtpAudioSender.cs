using System.Security.Cryptography;
using CallGateway.Media.Codecs;
using CallGateway.Media.Dtmf;
using CallGateway.Media.Rtp;

namespace CallGateway.Media.Session;

/// <summary>
/// Our outgoing RTP stream: one SSRC carrying audio and, while a digit plays, RFC 4733 telephone-events in the same
/// sequence and timestamp space. Runs on the media clock thread only.
/// </summary>
internal sealed class RtpAudioSender : IDisposable
{
    private const int HeaderSize = RtpHeader.FixedLength;
    private readonly IAudioEncoder _encoder;
    private readonly int _audioPayloadType;
    private readonly int? _dtmfPayloadType;
    private readonly DtmfSender _dtmf;
    private readonly byte[] _buffer = new byte[1500];
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private bool _marker = true;

    public RtpAudioSender(IAudioEncoder encoder, int audioPayloadType, int? dtmfPayloadType, int dtmfClockRate, uint ssrc)
    {
        _encoder = encoder;
        _audioPayloadType = audioPayloadType;
        _dtmfPayloadType = dtmfPayloadType;
        Ssrc = ssrc;
        _dtmf = new DtmfSender(new DtmfSenderOptions { EventClockRate = dtmfClockRate, AudioClockRate = encoder.RtpClockRate });
        Statistics = new RtpSenderStatistics(Ssrc, encoder.RtpClockRate);
    }

    /// <summary>Our SSRC, as announced in the SDP.</summary>
    public uint Ssrc { get; }

    public RtpSenderStatistics Statistics { get; }

    public long DtmfDigitsSent { get; private set; }

    public void QueueDtmf(string digits)
    {
        if (_dtmfPayloadType is null)
        {
            throw new InvalidOperationException("The remote side did not negotiate telephone-event: DTMF cannot be sent.");
        }

        _dtmf.Enqueue(digits);
    }

    /// <summary>Sends this tick's packets: the frame's audio, a telephone-event, or both.</summary>
    public void Tick(ReadOnlySpan<short> frame, IRtpPacketSink sink, TimeSpan now)
    {
        var suppressAudio = false;
        if (_dtmfPayloadType is { } dtmfPt && _dtmf.TryNextPacket(out var dtmf))
        {
            var header = new RtpHeader { PayloadType = (byte)dtmfPt, SequenceNumber = _sequence++, Timestamp = _timestamp - dtmf.TimestampOffset, Ssrc = Ssrc, Marker = dtmf.Marker };
            if (header.TryWrite(_buffer, out var written) && dtmf.TryWritePayload(_buffer.AsSpan(written), out var payload))
            {
                sink.SendRtp(_buffer, written + payload);
                Statistics.OnPacketSent(header.Timestamp, payload, now);
                if (dtmf.Event.End && !dtmf.IsRetransmission)
                {
                    DtmfDigitsSent++;
                }
            }

            suppressAudio = dtmf.SuppressAudio;
        }

        if (!suppressAudio)
        {
            var length = _encoder.Encode(frame, _buffer.AsSpan(HeaderSize));
            if (length > 2)
            {
                var header = new RtpHeader { PayloadType = (byte)_audioPayloadType, SequenceNumber = _sequence++, Timestamp = _timestamp, Ssrc = Ssrc, Marker = _marker };
                header.TryWrite(_buffer, out _);
                sink.SendRtp(_buffer, HeaderSize + length);
                Statistics.OnPacketSent(_timestamp, length, now);
                _marker = false;
            }
            else
            {
                _marker = true; // DTX: the next talkspurt starts with the marker bit (RFC 3551 §4.1)
            }
        }

        _timestamp += (uint)_encoder.TimestampIncrement;
    }

    public void Dispose() => _encoder.Dispose();
}
