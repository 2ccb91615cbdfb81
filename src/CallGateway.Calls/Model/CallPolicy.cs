namespace CallGateway.Calls.Model;

/// <summary>Rules the state machine applies.</summary>
/// <param name="AutoAcceptInbound">Accept inbound calls as soon as they are pre-accepted, or wait for the accept API.</param>
/// <param name="AcceptWindow">How long an inbound call may ring before we reject it (Meta allows about 30-60 s).</param>
/// <param name="OutboundRingTimeout">How long an outbound call may ring before we terminate it.</param>
/// <param name="MediaGracePeriod">After the peer closes the media path, how long to wait for Meta's terminate webhook.</param>
/// <param name="AdmitNewCalls">False while the gateway shuts down: new inbound calls are rejected.</param>
public sealed record CallPolicy(bool AutoAcceptInbound, TimeSpan AcceptWindow, TimeSpan OutboundRingTimeout, TimeSpan MediaGracePeriod, bool AdmitNewCalls = true)
{
    public static CallPolicy Default { get; } = new(true, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5));
}
