namespace CallGateway.Media.Rtcp;

/// <summary>One SDES chunk (RFC 3550 §6.5): a source and its CNAME item (other items are skipped when parsing).</summary>
/// <param name="Ssrc">The SSRC or CSRC the chunk describes.</param>
/// <param name="Cname">The canonical name (RFC 3550 §6.5.1), or null if the chunk had no CNAME item.</param>
public readonly record struct SourceDescriptionChunk(uint Ssrc, string? Cname);
