namespace CallGateway.Media.Audio;

/// <summary>A finished recording.</summary>
public sealed record RecordingResult(string Path, TimeSpan Duration, long Bytes);
