namespace CallGateway.Media.Rtcp;

/// <summary>
/// Builds a compound RTCP packet in a caller buffer (RFC 3550 §6.1): a report (SR or RR) first, then SDES with our
/// CNAME, then optionally BYE last. The result is plain RTCP; the caller protects it with SRTCP afterwards (keep
/// <c>SrtpContext.RtcpOverhead</c> spare octets after it).
/// </summary>
/// <remarks>
/// Each append either writes the whole packet or nothing and returns false (buffer full, invalid content).
/// The writer does not enforce packet order; <see cref="TryWriteReport"/> builds the usual SR/RR + SDES pair.
/// </remarks>
public ref struct RtcpCompoundWriter
{
    private readonly Span<byte> _destination;

    public RtcpCompoundWriter(Span<byte> destination)
    {
        _destination = destination;
    }

    /// <summary>Octets written so far.</summary>
    public int Written { get; private set; }

    public bool TryAppend(SenderReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Advance(report.TryWrite(_destination[Written..], out int written), written);
    }

    public bool TryAppend(ReceiverReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Advance(report.TryWrite(_destination[Written..], out int written), written);
    }

    public bool TryAppend(SourceDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return Advance(description.TryWrite(_destination[Written..], out int written), written);
    }

    public bool TryAppend(Goodbye goodbye)
    {
        ArgumentNullException.ThrowIfNull(goodbye);
        return Advance(goodbye.TryWrite(_destination[Written..], out int written), written);
    }

    /// <summary>Appends an SDES with one CNAME chunk, without allocating.</summary>
    public bool TryAppendCname(uint ssrc, string cname) =>
        Advance(SourceDescription.TryWriteCname(_destination[Written..], ssrc, cname, out int written), written);

    /// <summary>
    /// Writes the regular compound: <paramref name="senderReport"/> if given (we sent media since the last report),
    /// otherwise <paramref name="receiverReport"/>, followed by SDES CNAME of the report's SSRC.
    /// </summary>
    public static bool TryWriteReport(
        Span<byte> destination, SenderReport? senderReport, ReceiverReport? receiverReport, string cname, out int written)
    {
        written = 0;
        var writer = new RtcpCompoundWriter(destination);
        bool ok = senderReport is not null
            ? writer.TryAppend(senderReport) && writer.TryAppendCname(senderReport.Ssrc, cname)
            : receiverReport is not null && writer.TryAppend(receiverReport) && writer.TryAppendCname(receiverReport.Ssrc, cname);
        written = ok ? writer.Written : 0;
        return ok;
    }

    private bool Advance(bool ok, int written)
    {
        if (ok)
        {
            Written += written;
        }

        return ok;
    }
}
