namespace CallGateway.Meta.Graph;

public static class CallActionExtensions
{
    /// <summary>The action's wire name.</summary>
    public static string ToWire(this CallAction action) => action switch
    {
        CallAction.Connect => "connect",
        CallAction.PreAccept => "pre_accept",
        CallAction.Accept => "accept",
        CallAction.Reject => "reject",
        CallAction.Terminate => "terminate",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>
    /// Whether repeating the request after an ambiguous failure is harmless. <c>connect</c> is not: a resend after a
    /// timeout can ring the user twice. pre_accept/accept are repeated with the same SDP, which Meta requires anyway.
    /// </summary>
    public static bool IsIdempotent(this CallAction action) => action != CallAction.Connect;
}
