using System.Net;

namespace CallGateway.Meta.Graph;

/// <summary>
/// A Graph API request failed. Carries Meta's own error code and message when Meta answered, and says whether the
/// request may have reached Meta (which matters for actions that must not be repeated).
/// </summary>
public sealed class MetaGraphException : Exception
{
    public MetaGraphException(string message, HttpStatusCode? statusCode, GraphError? error, bool isTransient, bool mayHaveReachedMeta, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Error = error;
        IsTransient = isTransient;
        MayHaveReachedMeta = mayHaveReachedMeta;
    }

    public MetaGraphException()
        : this("Graph API request failed.", null, null, false, true)
    {
    }

    public MetaGraphException(string message)
        : this(message, null, null, false, true)
    {
    }

    public MetaGraphException(string message, Exception innerException)
        : this(message, null, null, false, true, innerException)
    {
    }

    /// <summary>HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Meta's error object, when the response carried one.</summary>
    public GraphError? Error { get; }

    /// <summary>Meta's numeric error code (e.g. 138006 no call permission), when known.</summary>
    public int? MetaCode => Error?.Code;

    /// <summary>Worth retrying later: network failure, timeout, 429 or 5xx.</summary>
    public bool IsTransient { get; }

    /// <summary>False only when the request provably never left this process (connection refused, DNS failure).</summary>
    public bool MayHaveReachedMeta { get; }
}
