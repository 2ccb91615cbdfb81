namespace CallGateway.Media;

/// <summary>What a new session needs to know about its call.</summary>
/// <param name="CallId">Our call id, used in logs and metrics.</param>
/// <param name="Observer">Receives state changes and DTMF; called from media threads, must not block.</param>
/// <param name="SampleRate">Sample rate of the PCM surface, 48000 or 16000 (default: the engine's setting).</param>
public sealed record MediaSessionRequest(string CallId, IMediaSessionObserver? Observer = null, int? SampleRate = null);
