namespace CallGateway.Webhooks;

/// <summary>Limits of the webhook receiver. Bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest accepted body. Meta documents payloads of up to 3 MB.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a status or terminate for a call we do not know yet is kept waiting for its call to appear.</summary>
    public int UnknownCallGraceSeconds { get; set; } = 30;

    /// <summary>Attempts before an event that keeps failing is marked dead.</summary>
    public int MaxAttempts { get; set; } = 8;
}
