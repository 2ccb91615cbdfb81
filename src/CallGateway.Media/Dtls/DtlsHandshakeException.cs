namespace CallGateway.Media.Dtls;

/// <summary>
/// A DTLS handshake failed. <see cref="Reason"/> classifies it; <see cref="AlertDescription"/> carries the TLS alert
/// (RFC 5246 §7.2) that was sent or received, when there was one (e.g. 42 bad_certificate, 40 handshake_failure).
/// Cancellation through the caller's token is reported as <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class DtlsHandshakeException : Exception
{
    public DtlsHandshakeException()
    {
    }

    public DtlsHandshakeException(string message)
        : base(message)
    {
    }

    public DtlsHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DtlsHandshakeException(
        DtlsFailureReason reason, byte? alertDescription, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        AlertDescription = alertDescription;
    }

    /// <summary>The failure class.</summary>
    public DtlsFailureReason Reason { get; }

    /// <summary>The TLS AlertDescription code sent or received, if any.</summary>
    public byte? AlertDescription { get; }

    /// <summary>The alert's RFC name (e.g. "bad_certificate"), if any.</summary>
    public string? AlertName => AlertDescription is byte alert ? Org.BouncyCastle.Tls.AlertDescription.GetName(alert) : null;
}
