namespace CallGateway.Media.Stun;

/// <summary>
/// The two class bits (C1 C0) of a STUN message type, RFC 8489 §5 / RFC 5389 §6.
/// </summary>
public enum StunMessageClass
{
    /// <summary>0b00: a request, answered by a success or error response.</summary>
    Request = 0,

    /// <summary>0b01: an indication, never answered.</summary>
    Indication = 1,

    /// <summary>0b10: a success response.</summary>
    SuccessResponse = 2,

    /// <summary>0b11: an error response (carries ERROR-CODE).</summary>
    ErrorResponse = 3,
}
