using System.Net;

namespace CallGateway.Media.Ice;

/// <summary>
/// The one seam between the ICE agent and the socket: the media session's UDP socket implements it.
/// </summary>
/// <remarks>
/// The agent calls <see cref="Send"/> while holding its private lock (so that nothing is sent after
/// <see cref="IceAgent.Dispose"/> returns). Implementations must therefore be quick and non-blocking
/// (a UDP <c>SendTo</c>) and must not call back into the agent. Exceptions are caught and logged by the agent.
/// </remarks>
public interface IIceDatagramSender
{
    /// <summary>Sends one datagram to <paramref name="remote"/> from the socket the agent's candidates describe.</summary>
    /// <param name="datagram">The STUN message; only valid during the call.</param>
    /// <param name="remote">Destination (named so because "To" is a reserved word in VB, CA1716).</param>
    void Send(ReadOnlySpan<byte> datagram, IPEndPoint remote);
}
