using CallGateway.Persistence.Entities;

namespace CallGateway.Persistence.Inbox;

/// <summary>The durable webhook inbox: events are committed here before Meta gets its 200.</summary>
public interface IWebhookInbox
{
    /// <summary>Stores the events of one delivery in one transaction; events already stored are counted as duplicates.</summary>
    Task<InboxAppendResult> AppendAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken);

    /// <summary>Pending events (due now or deferred), oldest first.</summary>
    Task<IReadOnlyList<InboxMessage>> GetPendingAsync(int max, CancellationToken cancellationToken);

    Task MarkProcessedAsync(long id, string outcome, CancellationToken cancellationToken);

    /// <summary>Leaves the event pending until <paramref name="nextAttemptAt"/> (e.g. its call is not known yet).</summary>
    Task DeferAsync(long id, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>Gives up on the event; it stays in the table for inspection.</summary>
    Task MarkDeadAsync(long id, string reason, CancellationToken cancellationToken);

    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
