namespace CallGateway.Media.Ice;

/// <summary>Payload of <see cref="IceAgent.SelectedPairChanged"/>.</summary>
/// <param name="local">The local candidate of the selected pair.</param>
/// <param name="remote">The remote candidate of the selected pair; send media to its address.</param>
public sealed class IceSelectedPairChangedEventArgs(IceCandidate local, IceCandidate remote) : EventArgs
{
    /// <summary>The local candidate of the selected pair.</summary>
    public IceCandidate Local { get; } = local;

    /// <summary>The remote candidate of the selected pair.</summary>
    public IceCandidate Remote { get; } = remote;
}
