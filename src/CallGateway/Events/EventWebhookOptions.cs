namespace CallGateway.Events;

/// <summary>
/// Outgoing webhooks for call events, signed Standard Webhooks style. Bound from <c>EventWebhooks</c>, e.g.
/// <c>EventWebhooks__Endpoints__0__Url=https://crm.internal/hooks/calls</c>, <c>EventWebhooks__Endpoints__0__Secret=whsec_...</c>.
/// </summary>
public sealed class EventWebhookOptions
{
    public const string SectionName = "EventWebhooks";

    public List<EventWebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>Attempts per event before it is given up (and logged); backoff doubles from 1 s up to 5 min.</summary>
    public int MaxAttempts { get; set; } = 8;

    public int TimeoutSeconds { get; set; } = 10;
}

public sealed class EventWebhookEndpoint
{
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";

    /// <summary>Signing secret: <c>whsec_</c> + base64 (Standard Webhooks), or any string (its UTF-8 bytes). Never logged.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Event types to send (empty: all).</summary>
    public List<string> Types { get; set; } = [];
}
