namespace CallGateway.Media.Ice;

/// <summary>
/// The agent's connection state (modelled on RTCIceTransportState, W3C WebRTC §5.6).
/// </summary>
/// <remarks>
/// New -> Checking (Start) -> Connected (a pair is selected) -> Disconnected (no consent for
/// <see cref="IceAgentOptions.DisconnectedTimeout"/>) -> Connected again, or Failed (no consent for
/// <see cref="IceAgentOptions.ConsentExpiry"/>, RFC 7675 §5.1). Checking -> Failed after
/// <see cref="IceAgentOptions.CheckingTimeout"/>. Failed is terminal (no ICE restart). Closed is set by Dispose and
/// is not announced by an event.
/// </remarks>
public enum IceConnectionState
{
    /// <summary>Created, not started.</summary>
    New,

    /// <summary>Checking connectivity; no pair selected yet.</summary>
    Checking,

    /// <summary>A pair is selected and consent is fresh.</summary>
    Connected,

    /// <summary>A pair is selected but consent has not been refreshed recently; media may still flow.</summary>
    Disconnected,

    /// <summary>Checks failed or consent expired. Terminal.</summary>
    Failed,

    /// <summary>Disposed.</summary>
    Closed,
}
