namespace CallGateway.Media.Ice;

/// <summary>ICE role, RFC 8445 §6.1.1. The controlling agent nominates the pair both sides use.</summary>
public enum IceRole
{
    /// <summary>Nominates pairs with USE-CANDIDATE; sends ICE-CONTROLLING.</summary>
    Controlling,

    /// <summary>Uses the pair the controlling agent nominates; sends ICE-CONTROLLED.</summary>
    Controlled,
}
