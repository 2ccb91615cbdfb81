namespace CallGateway.Media.Ice;

/// <summary>What an outstanding Binding request is for.</summary>
internal enum IceTransactionKind
{
    /// <summary>An ordinary or triggered connectivity check (RFC 8445 §7.2.4).</summary>
    Check,

    /// <summary>A check carrying USE-CANDIDATE (regular nomination, RFC 8445 §8.1.1).</summary>
    Nomination,

    /// <summary>A consent-freshness request on the selected pair (RFC 7675 §5.1).</summary>
    Consent,
}
