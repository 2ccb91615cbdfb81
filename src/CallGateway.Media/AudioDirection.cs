namespace CallGateway.Media;

public enum AudioDirection
{
    /// <summary>Audio from the WhatsApp user, after decoding.</summary>
    Received,

    /// <summary>Audio we send to the WhatsApp user, before encoding.</summary>
    Sent,
}
