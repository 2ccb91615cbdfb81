using CallGateway.Calls.Events;
using CallGateway.Calls.Model;

namespace CallGateway.Calls.Tests;

/// <summary>Builders for states and events used across the state machine tests.</summary>
internal static class CallStates
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public const string Wacid = "wacid.TEST";
    public const string Offer = "v=0 offer";
    public const string Answer = "v=0 answer";

    public static CallState Inbound(CallStatus status, bool media = false, string? localSdp = Answer) => new()
    {
        Id = "call_in",
        Direction = CallDirection.Inbound,
        Status = status,
        MetaCallId = Wacid,
        Peer = "15551112222",
        CreatedAt = Now.AddSeconds(-5),
        LocalSdp = status == CallStatus.New ? null : localSdp,
        MediaConnected = media,
        AcceptedAt = status is CallStatus.Accepted or CallStatus.Connected ? Now.AddSeconds(-3) : null,
        TransitionCount = 1,
    };

    public static CallState Outbound(CallStatus status, bool media = false, bool answered = false, string? wacid = Wacid) => new()
    {
        Id = "call_out",
        Direction = CallDirection.Outbound,
        Status = status,
        MetaCallId = status == CallStatus.New ? null : wacid,
        Peer = "14085551234",
        CreatedAt = Now.AddSeconds(-5),
        LocalSdp = status == CallStatus.New ? null : Offer,
        RemoteSdp = answered ? Answer : null,
        RemoteAnswerApplied = answered,
        MediaConnected = media,
        AcceptedAt = status is CallStatus.Accepted or CallStatus.Connected ? Now.AddSeconds(-3) : null,
        TransitionCount = 1,
    };

    public static ConnectReceived InboundConnect(DateTimeOffset? at = null) =>
        new(Wacid, "15551112222", "16501230000", true, "offer", Offer, at ?? Now.AddSeconds(-1), null);

    public static ConnectReceived OutboundConnect() =>
        new(Wacid, "16501230000", "14085551234", false, "answer", Answer, Now, null);

    public static TerminateReceived Terminate(string status = "COMPLETED", long? duration = 42) =>
        new(Wacid, status, duration is null ? null : Now.AddSeconds(-duration.Value), duration is null ? null : Now, duration, null, null, Now);

    public static StatusReceived Status(OutboundCallStatus status) => new(Wacid, status, Now);

    public static CallTransitionResult Apply(CallState state, CallEvent evt, CallPolicy? policy = null) =>
        CallStateMachine.Transition(state, evt, policy ?? CallPolicy.Default, Now);
}
