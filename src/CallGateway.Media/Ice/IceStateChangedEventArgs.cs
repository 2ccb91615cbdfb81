namespace CallGateway.Media.Ice;

/// <summary>Payload of <see cref="IceAgent.StateChanged"/>.</summary>
/// <param name="previous">The state before the change.</param>
/// <param name="current">The new state.</param>
public sealed class IceStateChangedEventArgs(IceConnectionState previous, IceConnectionState current) : EventArgs
{
    /// <summary>The state before the change.</summary>
    public IceConnectionState Previous { get; } = previous;

    /// <summary>The new state.</summary>
    public IceConnectionState Current { get; } = current;
}
