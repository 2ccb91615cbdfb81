using System.Diagnostics;
using CallGateway.Calls.Actors;

namespace CallGateway.Observability;

/// <summary>
/// Reads the live calls from the registry and their media counters (one short lock per session). A collection asks
/// several gauges in a row, so one sample serves them all for a second; scraping never touches the media path
/// otherwise. The registry is looked up at the first sample, not injected: the metrics are fed from inside the call
/// machinery (Graph attempts, notifications), so taking the registry at construction would be a dependency cycle.
/// </summary>
public sealed class LiveCallSampler(IServiceProvider services) : ILiveCallSource
{
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private IReadOnlyList<LiveCallSample> _last = [];
    private long _takenAt = long.MinValue;

    public IReadOnlyList<LiveCallSample> Sample()
    {
        lock (_gate)
        {
            // Wall-clock age on purpose (not the injected TimeProvider): a test's frozen clock must not freeze the gauges.
            var now = Stopwatch.GetTimestamp();
            if (_takenAt != long.MinValue && Stopwatch.GetElapsedTime(_takenAt, now) < Reuse)
            {
                return _last;
            }

            _last = Take();
            _takenAt = now;
            return _last;
        }
    }

    private List<LiveCallSample> Take()
    {
        var samples = new List<LiveCallSample>();
        foreach (var actor in services.GetRequiredService<CallRegistry>().Actors)
        {
            var state = actor.State;
            if (!state.IsTerminal)
            {
                samples.Add(new LiveCallSample(state.Direction, state.Status, StatsOf(actor)));
            }
        }

        return samples;
    }

    private static Media.MediaStats? StatsOf(CallActor actor)
    {
        try
        {
            return actor.Media?.GetStats();
        }
        catch (ObjectDisposedException)
        {
            return null; // the call's media closed while we looked
        }
    }
}
