namespace CallGateway.Media.Sdp;

/// <summary>
/// One of our UDP host candidates (RFC 8445 §5.1.1.1) to advertise as
/// <c>a=candidate:&lt;foundation&gt; 1 udp &lt;priority&gt; &lt;address&gt; &lt;port&gt; typ host</c>.
/// The ICE layer computes the priority (RFC 8445 §5.1.2) and foundation; <paramref name="Address"/> is an IP literal.
/// </summary>
public sealed record LocalHostCandidate(string Foundation, uint Priority, string Address, int Port);
