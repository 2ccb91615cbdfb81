using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Session;

internal static partial class MediaSessionLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Media {CallId}: {State} {Reason}")]
    public static partial void StateChanged(ILogger logger, string callId, MediaSessionState state, string? reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Media {CallId}: ICE selected {Remote}; DTLS as {Role}")]
    public static partial void PairSelected(ILogger logger, string callId, System.Net.IPEndPoint remote, Dtls.DtlsRole role);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Media {CallId}: DTLS up in {ElapsedMs:0.0} ms, {Suite}, SRTP {Profile}")]
    public static partial void DtlsUp(ILogger logger, string callId, double elapsedMs, string suite, string profile);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Media {CallId}: DTLS failed: {Reason}")]
    public static partial void DtlsFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Media {CallId}: negotiated {Codec}/{ClockRate} (PT {PayloadType}), telephone-event PT {DtmfPayloadType}, ICE controlling {IceControlling}, DTLS {DtlsRole}")]
    public static partial void Negotiated(ILogger logger, string callId, string codec, int clockRate, int payloadType, int? dtmfPayloadType, bool iceControlling, Sdp.SdpDtlsRole dtlsRole);
}
