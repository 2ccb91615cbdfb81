using System.Collections.Concurrent;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;

namespace CallGateway.Calls.Tests.Fakes;

internal sealed class InMemoryCallStore : ICallStore
{
    private readonly ConcurrentDictionary<string, CallState> _calls = new();
    private readonly ConcurrentDictionary<string, List<CallTransition>> _history = new();

    public int Saves;

    public Task<CallState?> GetAsync(string callId, CancellationToken cancellationToken) =>
        Task.FromResult(_calls.TryGetValue(callId, out var s) ? s : null);

    public Task<CallState?> FindByMetaCallIdAsync(string metaCallId, CancellationToken cancellationToken) =>
        Task.FromResult(_calls.Values.FirstOrDefault(c => c.MetaCallId == metaCallId));

    public Task SaveAsync(CallState call, CallTransition? transition, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Saves);
        _calls[call.Id] = call;
        if (transition is not null)
        {
            var list = _history.GetOrAdd(call.Id, _ => []);
            lock (list)
            {
                list.Add(transition);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CallTransition>> GetHistoryAsync(string callId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallTransition>>(_history.TryGetValue(callId, out var h) ? h.ToList() : []);

    public Task<IReadOnlyList<CallState>> ListAsync(CallQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallState>>(_calls.Values.OrderByDescending(c => c.CreatedAt).ToList());
}
