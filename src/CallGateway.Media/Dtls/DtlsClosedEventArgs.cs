namespace CallGateway.Media.Dtls;

/// <summary>Data of <see cref="DtlsSession.Closed"/>.</summary>
public sealed class DtlsClosedEventArgs : EventArgs
{
    public DtlsClosedEventArgs(DtlsCloseReason reason, byte? alertDescription)
    {
        Reason = reason;
        AlertDescription = alertDescription;
    }

    /// <summary>Why the association ended.</summary>
    public DtlsCloseReason Reason { get; }

    /// <summary>The TLS alert involved (0 for close_notify), if any.</summary>
    public byte? AlertDescription { get; }
}
