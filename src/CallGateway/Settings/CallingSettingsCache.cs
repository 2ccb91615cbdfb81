using CallGateway.Meta.Graph;

namespace CallGateway.Settings;

/// <summary>The settings as Meta last reported them, reused briefly (open-now asks often; Meta's answer rarely changes).</summary>
public sealed class CallingSettingsCache(IMetaGraphClient graph, TimedCache<string, CallingSettings> cache)
{
    private const string Key = "calling";

    public async Task<CallingSettings> GetAsync(CancellationToken cancellationToken)
    {
        var result = await cache.GetOrFetchAsync(Key, async ct => SettingsWire.FromGraph(
            await graph.GetSettingsAsync(includeSipCredentials: false, ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>After an update through this gateway, the next read goes to Meta.</summary>
    public void Invalidate() => cache.Invalidate(Key);
}
