namespace CallGateway.Calls.Model;

/// <summary>Why a call ended.</summary>
public enum CallEndReason
{
    /// <summary>Answered, then ended by the WhatsApp user or by Meta.</summary>
    Completed,

    /// <summary>Ended through our hang-up API.</summary>
    HungUpByBusiness,

    /// <summary>The caller gave up before the call was answered.</summary>
    Cancelled,

    /// <summary>Nobody answered within the accept (or ring) window.</summary>
    NotAnswered,

    /// <summary>The business rejected an inbound call.</summary>
    RejectedByBusiness,

    /// <summary>The WhatsApp user rejected an outbound call.</summary>
    RejectedByUser,

    /// <summary>The connect webhook arrived after the accept window had passed (late retry or replay).</summary>
    Missed,

    /// <summary>Meta reported FAILED, or a Graph request failed.</summary>
    Failed,

    /// <summary>ICE, DTLS or media consent failed.</summary>
    MediaFailed,

    /// <summary>The gateway shut down or crashed while the call was up.</summary>
    GatewayShutdown,
}
