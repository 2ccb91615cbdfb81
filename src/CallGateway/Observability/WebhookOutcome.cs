namespace CallGateway.Observability;

/// <summary>What became of one webhook delivery from Meta (the <c>outcome</c> tag of the webhook metrics).</summary>
public enum WebhookOutcome
{
    /// <summary>At least one new event was committed to the inbox.</summary>
    Stored,

    /// <summary>Every event of the delivery was already in the inbox (Meta redelivered it).</summary>
    Duplicate,

    /// <summary>Valid, but carried nothing the gateway acts on (e.g. message statuses).</summary>
    Ignored,

    /// <summary>X-Hub-Signature-256 was missing or wrong: refused before parsing.</summary>
    RefusedSignature,

    /// <summary>Signed, but not a webhook we can read.</summary>
    Malformed,

    /// <summary>The body was over Webhooks:MaxBodyBytes.</summary>
    TooLarge,

    /// <summary>The handler failed (e.g. the inbox could not be written); Meta retries.</summary>
    Error,
}

/// <summary>Tag values for <see cref="WebhookOutcome"/>.</summary>
public static class WebhookOutcomeExtensions
{
    public static string TagValue(this WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Stored => "stored",
        WebhookOutcome.Duplicate => "duplicate",
        WebhookOutcome.Ignored => "ignored",
        WebhookOutcome.RefusedSignature => "refused_signature",
        WebhookOutcome.Malformed => "malformed",
        WebhookOutcome.TooLarge => "too_large",
        _ => "error",
    };
}
