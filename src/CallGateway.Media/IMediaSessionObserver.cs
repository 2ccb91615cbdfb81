namespace CallGateway.Media;

/// <summary>Callbacks from a media session. Invoked on media threads: implementations hand off and return quickly.</summary>
public interface IMediaSessionObserver
{
    void OnStateChanged(IMediaSession session, MediaSessionState state, string? reason);

    void OnDtmf(IMediaSession session, char digit, TimeSpan duration);
}
