namespace CallGateway.MediaApps;

/// <summary>Play a server-side prompt by name (<c>{PromptsFolder}/{prompt}.wav</c>); or POST a WAV body instead.</summary>
public sealed record PlayRequest(string? Prompt, bool Loop = false);

/// <summary>What is playing now.</summary>
public sealed record PlaybackResponse(string CallId, string Source, double DurationSeconds, bool Loop);

public sealed record EchoRequest(bool Enabled);

/// <summary>Digits to send as RFC 4733 events: 0-9, *, #, A-D.</summary>
public sealed record DtmfRequest(string? Digits);

public sealed record RecordingResponse(string CallId, bool Recording, string? Url, double? DurationSeconds, long? Bytes);
