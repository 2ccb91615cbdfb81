namespace CallGateway.Meta.Graph;

/// <summary>One try of a Graph request, as it went on the wire.</summary>
/// <param name="CallId">Our call id, when the request was made for a call (see <see cref="GraphCallContext"/>).</param>
/// <param name="Operation">E.g. <c>calls/terminate</c>.</param>
/// <param name="Attempt">1 for the first try.</param>
/// <param name="Status">HTTP status, when a response arrived.</param>
/// <param name="Error">What went wrong (Meta's error is in the response; this is a transport error or the status).</param>
public sealed record GraphAttempt(string? CallId, string Operation, int Attempt, DateTimeOffset At, TimeSpan Duration, int? Status, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>Receives every Graph attempt (e.g. to record it on the call's history). Must not block.</summary>
public interface IGraphAttemptObserver
{
    void OnAttempt(GraphAttempt attempt);
}
