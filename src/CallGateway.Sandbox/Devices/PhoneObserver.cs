using CallGateway.Media;
using CallGateway.Sandbox.Calls;

namespace CallGateway.Sandbox.Devices;

/// <summary>Collects what the simulated phone's media session reports.</summary>
internal sealed class PhoneObserver(SandboxCall call) : IMediaSessionObserver
{
    public MediaSessionState State { get; private set; } = MediaSessionState.Connecting;

    public string? Reason { get; private set; }

    public void OnStateChanged(IMediaSession session, MediaSessionState state, string? reason)
    {
        State = state;
        Reason = reason;
    }

    public void OnDtmf(IMediaSession session, char digit, TimeSpan duration)
    {
        lock (call.DtmfHeard)
        {
            call.DtmfHeard.Add(digit);
        }
    }
}
