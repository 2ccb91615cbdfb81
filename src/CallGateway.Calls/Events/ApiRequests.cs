namespace CallGateway.Calls.Events;

// Requests from the internal REST API. Each one is either applied or refused with a reason.

/// <summary>Place an outbound call.</summary>
public sealed record DialRequested(string To, string? BizOpaqueCallbackData) : CallEvent;

public sealed record AcceptRequested : CallEvent;

public sealed record RejectRequested : CallEvent;

public sealed record HangupRequested : CallEvent;

/// <summary>The gateway is stopping (or recovering from a crash): end the call through the API.</summary>
public sealed record ShutdownRequested(string Reason) : CallEvent;
