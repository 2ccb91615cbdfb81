namespace CallGateway.Meta.Webhooks;

/// <summary>Outcome of checking a webhook's <c>X-Hub-Signature-256</c> header.</summary>
public enum SignatureCheck
{
    Valid,
    /// <summary>No header, or an empty one.</summary>
    Missing,
    /// <summary>Not of the form <c>sha256=</c> followed by 64 hex digits.</summary>
    Malformed,
    /// <summary>Well formed, but not the HMAC of this body under the app secret.</summary>
    Mismatch,
}
