namespace CallGateway.Media.Rtcp;

/// <summary>RTCP packet types (IANA "RTCP Control Packet Types"; RFC 3550 §12.1, RFC 4585 §6.1, RFC 3611 §2).</summary>
public enum RtcpPacketType : byte
{
    /// <summary>SR (RFC 3550 §6.4.1).</summary>
    SenderReport = 200,

    /// <summary>RR (RFC 3550 §6.4.2).</summary>
    ReceiverReport = 201,

    /// <summary>SDES (RFC 3550 §6.5).</summary>
    SourceDescription = 202,

    /// <summary>BYE (RFC 3550 §6.6).</summary>
    Goodbye = 203,

    /// <summary>APP (RFC 3550 §6.7); parsed past, not interpreted.</summary>
    ApplicationDefined = 204,

    /// <summary>RTPFB (RFC 4585): generic NACK, transport-cc; parsed past, not interpreted.</summary>
    TransportFeedback = 205,

    /// <summary>PSFB (RFC 4585): PLI, FIR, REMB; parsed past, not interpreted.</summary>
    PayloadFeedback = 206,

    /// <summary>XR (RFC 3611); parsed past, not interpreted.</summary>
    ExtendedReport = 207,
}
