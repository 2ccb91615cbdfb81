namespace CallGateway.Media.Stun;

/// <summary>
/// The value of an ERROR-CODE attribute (RFC 8489 §14.8): code = class * 100 + number, plus a UTF-8 reason phrase.
/// </summary>
/// <remarks>
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           Reserved, should be 0         |Class|     Number    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |      Reason Phrase (variable)                                ..
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </remarks>
/// <param name="Code">300-699.</param>
/// <param name="Reason">Reason phrase.</param>
public readonly record struct StunErrorCode(int Code, string Reason)
{
    /// <summary>400 Bad Request (RFC 8489 §14.8): malformed, or USERNAME/MESSAGE-INTEGRITY missing.</summary>
    public const int BadRequest = 400;

    /// <summary>401 Unauthenticated (RFC 8489 §14.8): wrong credentials or integrity.</summary>
    public const int Unauthenticated = 401;

    /// <summary>420 Unknown Attribute (RFC 8489 §14.8): a comprehension-required attribute was not understood.</summary>
    public const int UnknownAttribute = 420;

    /// <summary>487 Role Conflict (RFC 8445 §7.3.1.1).</summary>
    public const int RoleConflict = 487;

    /// <summary>The hundreds digit (3-6).</summary>
    public int Class => Code / 100;

    /// <summary>The code modulo 100.</summary>
    public int Number => Code % 100;
}
