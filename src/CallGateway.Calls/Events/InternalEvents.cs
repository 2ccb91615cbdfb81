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

/// <summary>The inbound accept window, or the outbound ring timeout, elapsed.</summary>
public sealed record AnswerTimeoutElapsed : CallEvent;
