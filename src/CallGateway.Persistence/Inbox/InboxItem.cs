namespace CallGateway.Persistence.Inbox;

/// <summary>An event to store in the inbox.</summary>
public sealed record InboxItem(string DedupeKey, string Kind, string? MetaCallId, string Payload);

/// <summary>How many of a delivery's events were new and how many were redeliveries.</summary>
public sealed record InboxAppendResult(int Stored, int Duplicates);
