namespace CallGateway.Calls.Model;

/// <summary>The call's one timer, and what it is waiting for.</summary>
public enum CallTimer
{
    /// <summary>Inbound: the accept window; outbound: the ring timeout.</summary>
    Answer,

    /// <summary>The peer closed the media path: give Meta's terminate webhook a moment to arrive before ending the call ourselves.</summary>
    MediaGrace,
}
