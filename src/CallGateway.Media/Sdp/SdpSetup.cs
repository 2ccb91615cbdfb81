namespace CallGateway.Media.Sdp;

/// <summary>
/// The <c>a=setup</c> value (RFC 4145 §4, used for DTLS by RFC 8842 §5): which side opens the connection.
/// <c>active</c> is the DTLS client, <c>passive</c> the DTLS server; an offer says <c>actpass</c> (RFC 8842 §5.2)
/// and the answer picks a side (WebRTC answerers pick <c>active</c>, RFC 8829 §5.3.1).
/// </summary>
public enum SdpSetup
{
    ActPass,
    Active,
    Passive,
    HoldConn,
}
