namespace CallGateway.Calls.Events;

/// <summary>
/// Everything a call reacts to: Meta's webhooks, requests from our API, results of the actions the call started,
/// media state and timers. A call's actor handles its events one at a time.
/// </summary>
public abstract record CallEvent
{
    /// <summary>Name used in the transition history.</summary>
    public virtual string Name => GetType().Name;
}
