namespace CallGateway.Meta.Webhooks;

/// <summary>What a signed webhook body contained.</summary>
/// <param name="Error">Set when the body is not a JSON webhook envelope at all.</param>
/// <param name="Events">Events we act on, in payload order.</param>
/// <param name="Ignored">Human-readable notes about parts we did not act on (for logs).</param>
public sealed record WebhookParseResult(string? Error, IReadOnlyList<MetaWebhookEvent> Events, IReadOnlyList<string> Ignored)
{
    public bool IsMalformed => Error is not null;
}
