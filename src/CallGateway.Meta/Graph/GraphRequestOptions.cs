namespace CallGateway.Meta.Graph;

/// <summary>Per-request flags read by the Graph message handlers.</summary>
public static class GraphRequestOptions
{
    /// <summary>Whether the request may be repeated after an ambiguous failure.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("CallGateway.Graph.Idempotent");

    /// <summary>A short label for logs, e.g. "calls/pre_accept".</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("CallGateway.Graph.Operation");
}
