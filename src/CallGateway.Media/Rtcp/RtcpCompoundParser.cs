namespace CallGateway.Media.Rtcp;

/// <summary>
/// Walks the packets of a compound RTCP packet (RFC 3550 §6.1) after SRTCP unprotection, validating each header
/// (version 2, length within the remaining data, padding count within the packet). Never throws.
/// </summary>
/// <remarks>
/// Unknown types (APP, RTPFB, PSFB, XR, anything else) are returned like the others and simply skipped by callers
/// that do not parse them. The first packet is not required to be SR/RR: RFC 5506 reduced-size RTCP (e.g. a lone
/// feedback packet) is accepted; <see cref="StartsWithReport"/> tells the two apart. Iteration stops at the first
/// invalid header and sets <see cref="IsMalformed"/>; packets before it remain usable.
/// <code>
/// var parser = new RtcpCompoundParser(plain);
/// while (parser.TryReadNext(out RtcpHeader header, out ReadOnlySpan&lt;byte&gt; packet))
/// {
///     if (header.PacketType == RtcpPacketType.SenderReport &amp;&amp; SenderReport.TryParse(packet, out var sr)) { ... }
/// }
/// </code>
/// </remarks>
public ref struct RtcpCompoundParser
{
    private ReadOnlySpan<byte> _remaining;

    public RtcpCompoundParser(ReadOnlySpan<byte> compound)
    {
        _remaining = compound;
        IsMalformed = compound.IsEmpty;
    }

    /// <summary>True once a packet header failed validation (or the input was empty).</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>
    /// Returns the next packet (header included, as long as its length field says, padding included).
    /// False at the end or at the first malformed header.
    /// </summary>
    public bool TryReadNext(out RtcpHeader header, out ReadOnlySpan<byte> packet)
    {
        header = default;
        packet = default;
        if (_remaining.IsEmpty || IsMalformed)
        {
            return false;
        }

        if (!RtcpHeader.TryParse(_remaining, out header) || header.PacketLength > _remaining.Length
            || (header.Padding && (_remaining[header.PacketLength - 1] == 0
                || _remaining[header.PacketLength - 1] > header.PacketLength - RtcpHeader.Length)))
        {
            IsMalformed = true;
            _remaining = default;
            header = default;
            return false;
        }

        packet = _remaining[..header.PacketLength];
        _remaining = _remaining[header.PacketLength..];
        return true;
    }

    /// <summary>True if every packet header of <paramref name="compound"/> is valid and they tile it exactly.</summary>
    public static bool IsValid(ReadOnlySpan<byte> compound)
    {
        var parser = new RtcpCompoundParser(compound);
        while (parser.TryReadNext(out _, out _))
        {
        }

        return !parser.IsMalformed;
    }

    /// <summary>
    /// True if the compound starts with an SR or RR as RFC 3550 §6.1 requires; false for RFC 5506 reduced-size RTCP
    /// or invalid input.
    /// </summary>
    public static bool StartsWithReport(ReadOnlySpan<byte> compound) =>
        RtcpHeader.TryParse(compound, out RtcpHeader header)
        && header.PacketType is RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport;
}
