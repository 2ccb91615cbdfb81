using CallGateway.Media.Dtmf;

namespace CallGateway.Media.Tests.Dtmf;

/// <summary>Plays the media session's part: ticks a sender every 20 ms and records what goes on the wire.</summary>
internal static class DtmfTestStream
{
    public static List<SentPacket> Drain(DtmfSender sender, uint audioTimestampBase = 123_456_789, uint audioStep = 960, int maxTicks = 2000)
    {
        var sent = new List<SentPacket>();
        for (var tick = 0; tick < maxTicks && !sender.IsIdle; tick++)
        {
            if (sender.TryNextPacket(out var packet))
            {
                var audioTimestamp = audioTimestampBase + ((uint)tick * audioStep);
                var payload = new byte[DtmfEvent.Size];
                Assert.True(packet.TryWritePayload(payload, out _));
                sent.Add(new SentPacket(tick, audioTimestamp - packet.TimestampOffset, packet.Marker, payload, packet));
            }
        }

        Assert.True(sender.IsIdle, "the sender did not finish in time");
        return sent;
    }

    internal sealed record SentPacket(int Tick, uint RtpTimestamp, bool Marker, byte[] Payload, DtmfPacket Packet);
}
