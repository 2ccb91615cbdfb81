namespace CallGateway.Media.Srtp;

/// <summary>
/// The sliding replay list of RFC 3711 §3.3.2 over packet indices (48-bit SRTP index or 31-bit SRTCP index), 128
/// entries wide (the size libsrtp and pion use; RFC 3711 requires at least 64). Bit d of the mask records whether
/// index <c>Highest - d</c> was accepted.
/// </summary>
/// <remarks>
/// <see cref="Check"/> is side-effect free and runs before authentication (cheap rejection);
/// <see cref="Accept"/> runs only after the packet authenticated, so forged packets can never advance the window.
/// </remarks>
internal struct SrtpReplayWindow
{
    public const int Size = 128;

    private UInt128 _mask;

    /// <summary>True once a first index was accepted.</summary>
    public bool Started { get; private set; }

    /// <summary>The highest accepted index (meaningful when <see cref="Started"/>).</summary>
    public ulong Highest { get; private set; }

    public readonly SrtpResult Check(ulong index)
    {
        if (!Started || index > Highest)
        {
            return SrtpResult.Ok;
        }

        ulong delta = Highest - index;
        if (delta >= Size)
        {
            return SrtpResult.TooOld;
        }

        return ((_mask >> (int)delta) & UInt128.One) != UInt128.Zero ? SrtpResult.ReplayDetected : SrtpResult.Ok;
    }

    /// <summary>Marks <paramref name="index"/> as received; the caller has passed <see cref="Check"/> and authentication.</summary>
    public void Accept(ulong index)
    {
        if (!Started)
        {
            Started = true;
            Highest = index;
            _mask = UInt128.One;
            return;
        }

        if (index > Highest)
        {
            ulong shift = index - Highest;
            _mask = shift >= Size ? UInt128.One : (_mask << (int)shift) | UInt128.One;
            Highest = index;
        }
        else
        {
            _mask |= UInt128.One << (int)(Highest - index);
        }
    }
}
