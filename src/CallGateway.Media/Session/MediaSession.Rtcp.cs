using CallGateway.Media.Rtcp;

namespace CallGateway.Media.Session;

public sealed partial class MediaSession
{
    private readonly byte[] _rtcpBuffer = new byte[512];
    private TimeSpan _nextRtcp;
    private double? _roundTripMs;

    /// <summary>RFC 3550 §6: SR (we send) or RR, with a reception report and our CNAME, every few seconds.</summary>
    private void SendRtcpIfDue(TimeSpan now)
    {
        if (now < _nextRtcp || _sender is not { } sender || _receiver is not { } receiver || _srtpOut is not { } srtp || _ice.SelectedRemote is not { } remote)
        {
            return;
        }

        // Randomised in [0.5, 1.5] x the interval so calls do not report in lockstep (RFC 3550 §6.3.1).
        _nextRtcp = now + TimeSpan.FromSeconds(_engine.Options.RtcpIntervalSeconds * (0.5 + Random.Shared.NextDouble()));
        IReadOnlyList<ReportBlock> blocks = receiver.CreateReport() is { } reception ? [ReportBlock.FromReception(reception, now)] : [];
        var ntp = NtpTimestamp.Now(_engine.Time);
        var report = sender.Statistics.HasSent ? SenderReport.FromStatistics(sender.Statistics, ntp, now, blocks) : null;
        var receiverReport = report is null ? new ReceiverReport { Ssrc = sender.Ssrc, ReportBlocks = blocks } : null;
        if (RtcpCompoundWriter.TryWriteReport(_rtcpBuffer, report, receiverReport, _local.CName, out var written)
            && srtp.ProtectRtcp(_rtcpBuffer, written, out var protectedLength) == Srtp.SrtpResult.Ok)
        {
            _socket.Send(_rtcpBuffer.AsSpan(0, protectedLength), remote);
        }
    }

    /// <summary>Reads the remote's reports: its SR (for our reception reports' LSR/DLSR) and its view of our stream (RTT).</summary>
    private void OnRtcp(ReadOnlySpan<byte> compound)
    {
        var now = _engine.Time.GetElapsedTime(_engine.Epoch);
        var parser = new RtcpCompoundParser(compound);
        while (parser.TryReadNext(out var header, out var packet))
        {
            IReadOnlyList<ReportBlock> blocks = [];
            if (header.PacketType == RtcpPacketType.SenderReport && SenderReport.TryParse(packet, out var sr))
            {
                _receiver?.OnSenderReport(sr.Ssrc, sr.NtpTimestamp, now);
                blocks = sr.ReportBlocks;
            }
            else if (header.PacketType == RtcpPacketType.ReceiverReport && ReceiverReport.TryParse(packet, out var rr))
            {
                blocks = rr.ReportBlocks;
            }

            foreach (var block in blocks)
            {
                if (block.Ssrc == _local.Ssrc && block.TryGetRoundTripTime(NtpTimestamp.GetMiddle32(NtpTimestamp.Now(_engine.Time)), out var rtt))
                {
                    _roundTripMs = rtt.TotalMilliseconds;
                }
            }
        }
    }
}
