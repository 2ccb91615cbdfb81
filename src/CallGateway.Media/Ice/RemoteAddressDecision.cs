namespace CallGateway.Media.Ice;

/// <summary>The verdict of <see cref="RemoteAddressPolicy"/>: allowed, or refused with a reason.</summary>
/// <param name="IsAllowed">True when the address may be used.</param>
/// <param name="Reason"><see cref="RemoteAddressRejectReason.None"/> when allowed.</param>
public readonly record struct RemoteAddressDecision(bool IsAllowed, RemoteAddressRejectReason Reason)
{
    /// <summary>The allowed verdict.</summary>
    public static RemoteAddressDecision Allowed { get; } = new(true, RemoteAddressRejectReason.None);

    /// <summary>A refusal.</summary>
    public static RemoteAddressDecision Refused(RemoteAddressRejectReason reason) => new(false, reason);
}
