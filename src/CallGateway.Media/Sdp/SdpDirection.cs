namespace CallGateway.Media.Sdp;

/// <summary>
/// The media direction attributes <c>a=sendrecv</c>, <c>a=sendonly</c>, <c>a=recvonly</c>, <c>a=inactive</c>
/// (RFC 8866 §6.7), always from the point of view of the side that wrote them. Absent means sendrecv.
/// </summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
