using System.Buffers.Binary;

namespace CallGateway.Media.Dtmf;

/// <summary>
/// One RFC 4733 named-event report (the telephone-event RTP payload, section 2.3).
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     event     |E|R| volume    |          duration             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// event (§2.3.1): 0-9, * (10), # (11), A-D (12-15) for DTMF (§3.2); E (§2.3.2): end of event; R (§2.3.3): reserved,
/// sent as 0 and ignored on receipt; volume (§2.3.4): power level 0 to -63 dBm0 with the sign dropped; duration
/// (§2.3.5): event duration so far in units of the payload's RTP clock, counted from the event's RTP timestamp.
/// </remarks>
/// <param name="EventCode">The event number (§2.3.1); DTMF digits are 0-15.</param>
/// <param name="End">The E bit: this report ends the event (§2.3.2).</param>
/// <param name="Reserved">The R bit (§2.3.3); senders must leave it false.</param>
/// <param name="Volume">Power level in -dBm0, 0-63 (§2.3.4).</param>
/// <param name="Duration">Duration so far in RTP clock units (§2.3.5).</param>
public readonly record struct DtmfEvent(byte EventCode, bool End, bool Reserved, byte Volume, ushort Duration)
{
    /// <summary>Payload size of one event report in bytes.</summary>
    public const int Size = 4;

    /// <summary>The largest volume value (-63 dBm0).</summary>
    public const byte MaxVolume = 63;

    /// <summary>
    /// Parses the first event report of a telephone-event payload. Returns false for payloads shorter than 4 bytes;
    /// never throws. Extra bytes (padding, further blocks) are ignored.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out DtmfEvent value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }

        var flags = payload[1];
        value = new DtmfEvent(
            payload[0],
            End: (flags & 0x80) != 0,
            Reserved: (flags & 0x40) != 0,
            Volume: (byte)(flags & 0x3F),
            Duration: BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the 4-byte report. Returns false if the destination is too small or Volume exceeds 63.</summary>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < Size || Volume > MaxVolume)
        {
            return false;
        }

        destination[0] = EventCode;
        destination[1] = (byte)((End ? 0x80 : 0) | (Reserved ? 0x40 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        written = Size;
        return true;
    }
}
