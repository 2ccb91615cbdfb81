using CallGateway.Calls.Model;

namespace CallGateway.Calls.Events;

// Results of the actions a call started, media state changes and timers.

public sealed record MediaAnswerCreated(string Sdp) : CallEvent;

public sealed record MediaOfferCreated(string Sdp) : CallEvent;

/// <summary>The media session could not be created, or the remote SDP was unusable.</summary>
public sealed record MediaSetupFailed(string Reason) : CallEvent;

/// <summary>Outbound: the SDP answer was applied to the media session.</summary>
public sealed record RemoteAnswerApplied : CallEvent;

public sealed record MediaConnected : CallEvent;

public sealed record MediaFailed(string Reason) : CallEvent;

public sealed record SignalingSucceeded(SignalAction Action, string? MetaCallId = null) : CallEvent
{
    public override string Name => $"SignalingSucceeded({Action})";
}

public sealed record SignalingFailed(SignalAction Action, string Error, int? MetaErrorCode, bool MayHaveReachedMeta) : CallEvent
{
    public override string Name => $"SignalingFailed({Action})";
}

/// <summary>The action failed transiently; the outbox retries it and will report SignalingSucceeded or SignalingFailed.</summary>
public sealed record SignalingDeferred(SignalAction Action, string Error) : CallEvent
{
    public override string Name => $"SignalingDeferred({Action})";
}

/// <summary>The peer closed the media path cleanly (DTLS close_notify): usually the call is ending on Meta's side.</summary>
public sealed record MediaDisconnected(string Reason) : CallEvent;

/// <summary>The call's timer elapsed (the accept window, the ring timeout, or the media grace period).</summary>
public sealed record TimerElapsed(CallTimer Kind) : CallEvent
{
    public override string Name => $"TimerElapsed({Kind})";
}
