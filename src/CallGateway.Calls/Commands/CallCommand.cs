using CallGateway.Calls.Model;

namespace CallGateway.Calls.Commands;

/// <summary>Something the state machine asks the actor to do. Commands run in order after the state is saved.</summary>
public abstract record CallCommand;

/// <summary>Create the media session from the remote offer; answers with MediaAnswerCreated or MediaSetupFailed.</summary>
public sealed record CreateMediaAnswer(string OfferSdp) : CallCommand;

/// <summary>Create the media session with our offer; answers with MediaOfferCreated or MediaSetupFailed.</summary>
public sealed record CreateMediaOffer : CallCommand;

/// <summary>Apply the outbound call's SDP answer; answers with RemoteAnswerApplied or MediaFailed.</summary>
public sealed record ApplyRemoteAnswer(string AnswerSdp) : CallCommand;

/// <summary>Let audio flow to the caller (inbound: only after accept returned 200).</summary>
public sealed record StartMediaFlow : CallCommand;

public sealed record CloseMedia : CallCommand;

/// <summary>Send a call action to Meta; answers with SignalingSucceeded or SignalingFailed.</summary>
public sealed record SendSignal(SignalAction Action) : CallCommand;

/// <summary>Starts (or replaces) the call's timer; it answers with TimerElapsed of the same kind.</summary>
public sealed record StartTimer(CallTimer Kind, TimeSpan Due) : CallCommand;

public sealed record CancelTimer : CallCommand;

/// <summary>Tell internal systems (events stream, outgoing webhooks) that something happened.</summary>
public sealed record PublishNotification(string Type) : CallCommand;
