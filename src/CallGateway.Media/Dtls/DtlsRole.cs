namespace CallGateway.Media.Dtls;

/// <summary>
/// Our side of the DTLS handshake. In DTLS-SRTP the SDP <c>a=setup</c> attribute decides it (RFC 5763 §5, RFC 8842 §5):
/// the "active" endpoint is the DTLS client, the "passive" endpoint the DTLS server. See <see cref="DtlsSetup"/>.
/// </summary>
public enum DtlsRole
{
    /// <summary>We send the ClientHello (we answered or offered <c>a=setup:active</c>).</summary>
    Client,

    /// <summary>We wait for the ClientHello (we answered or offered <c>a=setup:passive</c>).</summary>
    Server,
}
