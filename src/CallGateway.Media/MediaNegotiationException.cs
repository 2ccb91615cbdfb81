namespace CallGateway.Media;

/// <summary>A remote SDP cannot be used (no common codec, missing ICE credentials or fingerprint, malformed).</summary>
public sealed class MediaNegotiationException : Exception
{
    public MediaNegotiationException()
    {
    }

    public MediaNegotiationException(string message)
        : base(message)
    {
    }

    public MediaNegotiationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
