namespace CallGateway.Media;

/// <summary>Counters of one media session.</summary>
public sealed record MediaStats
{
    public long PacketsSent { get; init; }
    public long PacketsReceived { get; init; }
    public long BytesSent { get; init; }
    public long BytesReceived { get; init; }
    /// <summary>Packets the remote sent that never arrived (RFC 3550 cumulative loss).</summary>
    public long PacketsLost { get; init; }
    /// <summary>Interarrival jitter in milliseconds (RFC 3550 A.8).</summary>
    public double JitterMs { get; init; }
    /// <summary>Frames concealed by FEC or PLC.</summary>
    public long FramesConcealed { get; init; }
    /// <summary>Packets dropped because SRTP authentication or replay checks failed.</summary>
    public long PacketsRejected { get; init; }
    public long DtmfReceived { get; init; }
    public long DtmfSent { get; init; }
    /// <summary>Frames the media clock produced later than their 20 ms slot.</summary>
    public long LateFrames { get; init; }
    /// <summary>Round-trip time from RTCP, when known.</summary>
    public double? RoundTripMs { get; init; }
    public string? Codec { get; init; }
    public string? SrtpProfile { get; init; }
    public string? SelectedRemote { get; init; }
}
