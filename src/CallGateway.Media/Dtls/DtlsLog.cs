using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Dtls;

/// <summary>Source-generated log messages of the DTLS layer. Keys and key material are never logged.</summary>
internal static partial class DtlsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "DTLS handshake starting as {Role}")]
    public static partial void HandshakeStarting(ILogger logger, DtlsRole role);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "DTLS handshake completed as {Role} in {ElapsedMs:F1} ms: {Version} {CipherSuite}, {SrtpProfile}, "
            + "extended master secret {Ems}")]
    public static partial void HandshakeCompleted(
        ILogger logger, DtlsRole role, double elapsedMs, string version, string cipherSuite, string srtpProfile, bool ems);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "DTLS handshake as {Role} failed: {Reason}, alert {Alert}: {Detail}")]
    public static partial void HandshakeFailed(
        ILogger logger, DtlsRole role, DtlsFailureReason reason, byte? alert, string detail);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "DTLS association closed: {Reason}, alert {Alert}")]
    public static partial void Closed(ILogger logger, DtlsCloseReason reason, byte? alert);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "Discarded {Length} bytes of DTLS application data")]
    public static partial void ApplicationDataDiscarded(ILogger logger, int length);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "DTLS record processing failed")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "A DtlsSession.Closed handler threw")]
    public static partial void ClosedHandlerFailed(ILogger logger, Exception exception);
}
