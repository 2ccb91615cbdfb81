namespace CallGateway.Persistence.Entities;

/// <summary>
/// Row of <c>webhook_inbox</c>: one verified webhook event, stored before Meta gets its 200 and processed later.
/// <see cref="DedupeKey"/> is unique, so a redelivered event is recognised and stored once.
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }
    public string DedupeKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? MetaCallId { get; set; }
    public string Payload { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? Outcome { get; set; }
}

public enum InboxStatus
{
    Pending,
    Processed,
    /// <summary>Gave up after repeated failures; kept for inspection and replay.</summary>
    Dead,
}
