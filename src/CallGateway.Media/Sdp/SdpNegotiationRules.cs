namespace CallGateway.Media.Sdp;

/// <summary>Token mapping and the offer/answer rules for setup, direction and ICE role.</summary>
internal static class SdpNegotiationRules
{
    public static bool TryParseSetup(string? value, out SdpSetup setup)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "ACTPASS": setup = SdpSetup.ActPass; return true;
            case "ACTIVE": setup = SdpSetup.Active; return true;
            case "PASSIVE": setup = SdpSetup.Passive; return true;
            case "HOLDCONN": setup = SdpSetup.HoldConn; return true;
            default: setup = default; return false;
        }
    }

    public static string ToToken(SdpSetup setup) => setup switch
    {
        SdpSetup.ActPass => "actpass",
        SdpSetup.Active => "active",
        SdpSetup.Passive => "passive",
        _ => "holdconn",
    };

    public static bool TryParseDirection(string name, out SdpDirection direction)
    {
        switch (name.ToUpperInvariant())
        {
            case "SENDRECV": direction = SdpDirection.SendRecv; return true;
            case "SENDONLY": direction = SdpDirection.SendOnly; return true;
            case "RECVONLY": direction = SdpDirection.RecvOnly; return true;
            case "INACTIVE": direction = SdpDirection.Inactive; return true;
            default: direction = default; return false;
        }
    }

    public static string ToToken(SdpDirection direction) => direction switch
    {
        SdpDirection.SendRecv => "sendrecv",
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        _ => "inactive",
    };

    /// <summary>
    /// Our direction facing a remote direction (RFC 3264 §6.1): we may send only if they receive and we want to
    /// send, and receive only if they send and we want to receive. sendonly becomes recvonly and so on.
    /// </summary>
    public static SdpDirection Answer(SdpDirection remote, SdpDirection local)
    {
        var send = CanReceive(remote) && CanSend(local);
        var receive = CanSend(remote) && CanReceive(local);
        return (send, receive) switch
        {
            (true, true) => SdpDirection.SendRecv,
            (true, false) => SdpDirection.SendOnly,
            (false, true) => SdpDirection.RecvOnly,
            _ => SdpDirection.Inactive,
        };
    }

    /// <summary>
    /// RFC 8445 §6.1.1: a full agent facing a lite one is controlling; between two full agents the offerer is.
    /// Lite facing lite is refused by the callers (no side would run connectivity checks).
    /// </summary>
    public static bool IsIceControlling(bool localLite, bool remoteLite, bool localIsOfferer) =>
        !localLite && (remoteLite || localIsOfferer);

    private static bool CanSend(SdpDirection d) => d is SdpDirection.SendRecv or SdpDirection.SendOnly;

    private static bool CanReceive(SdpDirection d) => d is SdpDirection.SendRecv or SdpDirection.RecvOnly;
}
