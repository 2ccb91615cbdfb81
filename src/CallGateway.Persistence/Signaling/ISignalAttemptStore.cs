using CallGateway.Persistence.Entities;

namespace CallGateway.Persistence.Signaling;

/// <summary>The tries of Graph requests made for calls (part of each call's history).</summary>
public interface ISignalAttemptStore
{
    Task AppendAsync(IReadOnlyList<SignalAttemptRecord> attempts, CancellationToken cancellationToken);

    Task<IReadOnlyList<SignalAttemptRecord>> ListAsync(string callId, CancellationToken cancellationToken);
}
