namespace CallGateway.Settings;

/// <summary>A value and where it came from: the cache (stored at <paramref name="At"/>) or a fresh fetch (at <paramref name="At"/>).</summary>
public sealed record CacheResult<T>(T Value, bool Cached, DateTimeOffset At);
