namespace CallGateway.Media.Dtmf;

/// <summary>What <see cref="DtmfReceiver.Receive"/> did with a telephone-event packet.</summary>
public enum DtmfReceiveResult
{
    /// <summary>A new event began (the key is down); it is reported when it ends.</summary>
    Started,

    /// <summary>An update of the event in progress.</summary>
    Updated,

    /// <summary>The event ended with this packet and its digit was queued for <see cref="DtmfReceiver.TryReadDigit"/>.</summary>
    Completed,

    /// <summary>A repeat of an event already reported (end retransmission or late update); ignored.</summary>
    Duplicate,

    /// <summary>A packet of an event that started before the newest event seen (very late or ancient); ignored.</summary>
    Stale,

    /// <summary>An event code other than the 16 DTMF keys (e.g. flash, tones); ignored.</summary>
    Unsupported,

    /// <summary>The payload is shorter than one event report; ignored.</summary>
    Malformed,
}
