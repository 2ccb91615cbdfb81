namespace CallGateway.Sandbox.Delivery;

/// <summary>One webhook delivery and how it went, for the sandbox's delivery log.</summary>
public sealed record WebhookDelivery(long Sequence, string Kind, string? CallId, DateTimeOffset QueuedAt)
{
    public int Attempts { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
    public bool Delivered { get; set; }
    public bool Duplicate { get; set; }
}
