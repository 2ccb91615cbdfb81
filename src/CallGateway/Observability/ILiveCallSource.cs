using CallGateway.Calls.Model;
using CallGateway.Media;

namespace CallGateway.Observability;

/// <summary>The calls alive right now, as the gauges see them at collection time.</summary>
public interface ILiveCallSource
{
    IReadOnlyList<LiveCallSample> Sample();
}

/// <summary>One live call: where it is, and its media counters when it has a media session.</summary>
public sealed record LiveCallSample(CallDirection Direction, CallStatus Status, MediaStats? Media);
