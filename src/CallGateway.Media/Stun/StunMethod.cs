namespace CallGateway.Media.Stun;

/// <summary>
/// The 12-bit STUN method, RFC 8489 §5 and §18.2. ICE (RFC 8445) and consent freshness (RFC 7675) only use Binding;
/// other methods parse as their numeric value so a message of an unknown method is still well formed.
/// </summary>
public enum StunMethod : ushort
{
    /// <summary>Binding (0x001), RFC 8489 §3.</summary>
    Binding = 0x001,
}
