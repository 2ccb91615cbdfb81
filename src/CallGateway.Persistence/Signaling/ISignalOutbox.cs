using CallGateway.Persistence.Entities;

namespace CallGateway.Persistence.Signaling;

/// <summary>Durable queue of call actions waiting for Meta's confirmation.</summary>
public interface ISignalOutbox
{
    Task<long> EnqueueAsync(string callId, string action, DateTimeOffset firstRetryAt, DateTimeOffset deadline, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<SignalOutboxRecord>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task CompleteAsync(long id, OutboxStatus status, string? error, CancellationToken cancellationToken);

    Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<SignalOutboxRecord>> ListAsync(string callId, CancellationToken cancellationToken);
}
