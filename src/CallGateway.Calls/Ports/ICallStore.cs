using CallGateway.Calls.Model;

namespace CallGateway.Calls.Ports;

/// <summary>Durable call records and their transition history.</summary>
public interface ICallStore
{
    Task<CallState?> GetAsync(string callId, CancellationToken cancellationToken);

    Task<CallState?> FindByMetaCallIdAsync(string metaCallId, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the call and appends <paramref name="transition"/> (if any) in one transaction.</summary>
    Task SaveAsync(CallState call, CallTransition? transition, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallTransition>> GetHistoryAsync(string callId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<CallState>> ListAsync(CallQuery query, CancellationToken cancellationToken);
}

/// <summary>Filter for listing calls.</summary>
public sealed record CallQuery(CallStatus? Status = null, CallDirection? Direction = null, bool OpenOnly = false, int Limit = 50, DateTimeOffset? Before = null);
