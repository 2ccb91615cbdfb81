namespace CallGateway.Media.Rtp;

/// <summary>
/// The receiver-side numbers of one RTCP reception report block for one source (RFC 3550 §6.4.1), taken by
/// <see cref="RtpReceiverStatistics.CreateReceptionReport"/>. The DLSR field is computed from
/// <see cref="LastSenderReportArrival"/> when the report is sent.
/// </summary>
/// <param name="Ssrc">The reported source.</param>
/// <param name="FractionLost">Loss since the previous report, in 1/256 (0 when packets were duplicated).</param>
/// <param name="CumulativeLost">Expected minus received since the start, clamped to a signed 24-bit range.</param>
/// <param name="ExtendedHighestSequence">Cycles || highest sequence number.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units (RFC 3550 A.8).</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP timestamp of the last SR from the source, 0 if none.</param>
/// <param name="LastSenderReportArrival">When that SR arrived, on the caller's monotonic timeline; null if none.</param>
public readonly record struct RtpReceptionReport(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    TimeSpan? LastSenderReportArrival);
