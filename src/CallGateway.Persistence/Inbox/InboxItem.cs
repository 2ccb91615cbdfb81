namespace CallGateway.Persistence.Inbox;

/// <summary>An event to store in the inbox.</summary>
/// <param name="ReceivedAt">When its webhook request arrived (default: when it is committed).</param>
public sealed record InboxItem(string DedupeKey, string Kind, string? MetaCallId, string Payload, DateTimeOffset? ReceivedAt = null);

/// <summary>How many of a delivery's events were new and how many were redeliveries.</summary>
public sealed record InboxAppendResult(int Stored, int Duplicates);
