using CallGateway.Calls.Model;

namespace CallGateway.Calls;

/// <summary>How calls are handled. Bound from the <c>Calls</c> section.</summary>
public sealed class CallsOptions
{
    public const string SectionName = "Calls";

    /// <summary><c>AutoAccept</c> (default): inbound calls are accepted at once; <c>Manual</c>: wait for POST /api/calls/{id}/accept.</summary>
    public InboundAnswerMode InboundPolicy { get; set; } = InboundAnswerMode.AutoAccept;

    /// <summary>How long an inbound call may ring before it is rejected. Meta gives about 30-60 s.</summary>
    public int AcceptWindowSeconds { get; set; } = 45;

    /// <summary>How long an outbound call may ring before it is terminated.</summary>
    public int OutboundRingTimeoutSeconds { get; set; } = 60;

    /// <summary>After the peer closes the media path, how long to wait for Meta's terminate webhook before ending the call.</summary>
    public int MediaGraceSeconds { get; set; } = 5;

    public CallPolicy ToPolicy() => new(
        InboundPolicy == InboundAnswerMode.AutoAccept,
        TimeSpan.FromSeconds(AcceptWindowSeconds),
        TimeSpan.FromSeconds(OutboundRingTimeoutSeconds),
        TimeSpan.FromSeconds(MediaGraceSeconds));
}

public enum InboundAnswerMode
{
    AutoAccept,
    Manual,
}
