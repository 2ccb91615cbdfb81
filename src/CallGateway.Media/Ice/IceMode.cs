namespace CallGateway.Media.Ice;

/// <summary>Full or lite implementation, RFC 8445 §2.5.</summary>
public enum IceMode
{
    /// <summary>A full agent: gathers, sends connectivity checks, nominates (when controlling).</summary>
    Full,

    /// <summary>
    /// A lite agent: host candidates only, never sends checks, answers them and is always controlled
    /// (what Meta's edge does; our sandbox emulates it).
    /// </summary>
    Lite,
}
