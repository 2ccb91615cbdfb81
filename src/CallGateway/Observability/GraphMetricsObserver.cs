using CallGateway.Meta.Graph;

namespace CallGateway.Observability;

/// <summary>Counts every Graph API attempt (the recorder inside the retry pipeline reports each one).</summary>
public sealed class GraphMetricsObserver(GatewayMetrics metrics) : IGraphAttemptObserver
{
    public void OnAttempt(GraphAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        metrics.GraphAttempt(attempt.Operation, attempt.Status, attempt.Status is null && attempt.Error == "timeout", attempt.Duration);
    }
}
