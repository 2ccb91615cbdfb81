namespace CallGateway.Media.Sdp;

/// <summary>
/// One <c>cand-extension</c> name/value pair of an <c>a=candidate</c> line (RFC 8839 §5.1), e.g.
/// <c>generation 0</c>, <c>ufrag kv6Jn8vBmEds/8</c>, <c>network-id 1</c>, <c>network-cost 50</c>, <c>tcptype active</c>.
/// </summary>
public sealed record SdpCandidateExtension(string Name, string Value);
