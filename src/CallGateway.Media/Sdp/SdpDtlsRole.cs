namespace CallGateway.Media.Sdp;

/// <summary>
/// Our DTLS role as decided by the offer/answer <c>a=setup</c> exchange (RFC 8842 §5.3): the <c>active</c> side is
/// the DTLS client (sends ClientHello), the <c>passive</c> side the DTLS server.
/// </summary>
public enum SdpDtlsRole
{
    Client,
    Server,
}
