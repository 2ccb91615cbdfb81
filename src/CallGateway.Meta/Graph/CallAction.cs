namespace CallGateway.Meta.Graph;

/// <summary>The <c>action</c> of <c>POST /{phone-number-id}/calls</c>.</summary>
public enum CallAction
{
    Connect,
    PreAccept,
    Accept,
    Reject,
    Terminate,
}
