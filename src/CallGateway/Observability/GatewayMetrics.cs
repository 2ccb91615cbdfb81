using System.Diagnostics;
using System.Diagnostics.Metrics;
using CallGateway.Calls.Model;

namespace CallGateway.Observability;

/// <summary>
/// The gateway's instruments, on one meter named <see cref="MeterName"/>. The hooks that feed them sit where things
/// happen (webhook filter, notification sink, Graph attempt observer); the gauges read live calls only when metrics
/// are collected, so nothing here runs on the media path. Names are OpenTelemetry style; the Prometheus exporter
/// turns <c>callgateway.webhooks</c> into <c>callgateway_webhooks_total</c> and adds unit suffixes
/// (<c>_milliseconds</c>, <c>_ratio</c>).
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "CallGateway";

    // Tag names: low cardinality only (no call ids, no phone numbers).
    public const string DirectionTag = "direction";
    public const string StatusTag = "status";
    public const string OutcomeTag = "outcome";
    public const string OperationTag = "operation";
    public const string ReasonTag = "reason";
    public const string KindTag = "kind";

    private static readonly CallStatus[] LiveStatuses = [.. Enum.GetValues<CallStatus>().Where(s => s != CallStatus.Terminated)];
    private static readonly CallDirection[] Directions = Enum.GetValues<CallDirection>();

    private readonly Counter<long> _webhooks;
    private readonly Histogram<double> _webhookIntake;
    private readonly Histogram<double> _callSetup;
    private readonly Counter<long> _callsEnded;
    private readonly Counter<long> _graphRequests;
    private readonly Counter<long> _graphErrors;
    private readonly Histogram<double> _graphDuration;
    private readonly ILiveCallSource _live;

    public GatewayMetrics(IMeterFactory meterFactory, ILiveCallSource live)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _live = live;
        Meter = meterFactory.Create(MeterName);

        _webhooks = Meter.CreateCounter<long>("callgateway.webhooks", "{webhook}",
            "Webhook deliveries from Meta by outcome: stored, duplicate, ignored, refused_signature, malformed, too_large, error.");
        _webhookIntake = Meter.CreateHistogram("callgateway.webhook_intake.duration", "ms",
            "Server-side time from a webhook request's arrival to its answer (body read, signature, inbox commit).",
            advice: Buckets(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500));
        _callSetup = Meter.CreateHistogram("callgateway.call_setup.duration", "ms",
            "Call setup: inbound from the connect webhook to Connected; outbound from POST /api/calls to Connected (includes ringing).",
            advice: Buckets(100, 250, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 60000));
        _callsEnded = Meter.CreateCounter<long>("callgateway.calls.ended", "{call}", "Calls ended, by direction and end reason.");
        _graphRequests = Meter.CreateCounter<long>("callgateway.graph.requests", "{request}",
            "Graph API attempts (every retry counts) by operation and HTTP status (timeout or error when no response).");
        _graphErrors = Meter.CreateCounter<long>("callgateway.graph.errors", "{request}",
            "Graph API attempts that failed (non-2xx, timeout or transport error) by operation and status.");
        _graphDuration = Meter.CreateHistogram("callgateway.graph.duration", "ms", "Duration of one Graph API attempt, by operation.",
            advice: Buckets(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000));

        Meter.CreateObservableGauge("callgateway.active_calls", ObserveActiveCalls, "{call}",
            "Calls not yet terminated, by direction and status.");
        Meter.CreateObservableGauge("callgateway.media.jitter.max", ObserveMaxJitter, "ms",
            "Highest RFC 3550 interarrival jitter among live calls' media sessions (0 without media).");
        Meter.CreateObservableGauge("callgateway.media.loss_ratio.max", ObserveMaxLoss, "1",
            "Highest packet loss ratio lost/(received+lost) among live calls' media sessions (0 without media).");
        Meter.CreateObservableUpDownCounter("callgateway.media.packets", ObservePackets, "{packet}",
            "RTP packets of the live calls' media sessions: kind=received or lost (goes down when calls end).");
    }

    /// <summary>The meter (disposed with the service provider's meter factory).</summary>
    public Meter Meter { get; }

    public void WebhookReceived(WebhookOutcome outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>(OutcomeTag, outcome.TagValue());
        _webhooks.Add(1, tag);
        _webhookIntake.Record(elapsed.TotalMilliseconds, tag);
    }

    public void CallConnected(CallDirection direction, TimeSpan setup)
    {
        if (setup >= TimeSpan.Zero)
        {
            _callSetup.Record(setup.TotalMilliseconds, new KeyValuePair<string, object?>(DirectionTag, DirectionValue(direction)));
        }
    }

    public void CallEnded(CallDirection direction, CallEndReason? reason) =>
        _callsEnded.Add(1, new KeyValuePair<string, object?>(DirectionTag, DirectionValue(direction)),
            new KeyValuePair<string, object?>(ReasonTag, reason?.ToString() ?? "Unknown"));

    /// <param name="status">The HTTP status, or null when no response arrived.</param>
    /// <param name="timedOut">No response because the attempt timed out (else: a transport error).</param>
    public void GraphAttempt(string operation, int? status, bool timedOut, TimeSpan elapsed)
    {
        var statusValue = status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (timedOut ? "timeout" : "error");
        var tags = new TagList { { OperationTag, operation }, { StatusTag, statusValue } };
        _graphRequests.Add(1, tags);
        if (status is not (>= 200 and < 300))
        {
            _graphErrors.Add(1, tags);
        }

        _graphDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(OperationTag, operation));
    }

    internal static string DirectionValue(CallDirection direction) => direction == CallDirection.Inbound ? "inbound" : "outbound";

    private static InstrumentAdvice<double> Buckets(params double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };

    private IEnumerable<Measurement<int>> ObserveActiveCalls()
    {
        var calls = _live.Sample();
        foreach (var direction in Directions)
        {
            foreach (var status in LiveStatuses)
            {
                var count = calls.Count(c => c.Direction == direction && c.Status == status);
                yield return new Measurement<int>(count, new KeyValuePair<string, object?>(DirectionTag, DirectionValue(direction)),
                    new KeyValuePair<string, object?>(StatusTag, status.ToString()));
            }
        }
    }

    private double ObserveMaxJitter() =>
        _live.Sample().Select(c => c.Media?.JitterMs ?? 0).DefaultIfEmpty(0).Max();

    private double ObserveMaxLoss() =>
        _live.Sample().Select(c => c.Media is { } m && m.PacketsReceived + m.PacketsLost > 0
            ? (double)m.PacketsLost / (m.PacketsReceived + m.PacketsLost)
            : 0).DefaultIfEmpty(0).Max();

    private IEnumerable<Measurement<long>> ObservePackets()
    {
        var calls = _live.Sample();
        yield return new Measurement<long>(calls.Sum(c => c.Media?.PacketsReceived ?? 0), new KeyValuePair<string, object?>(KindTag, "received"));
        yield return new Measurement<long>(calls.Sum(c => c.Media?.PacketsLost ?? 0), new KeyValuePair<string, object?>(KindTag, "lost"));
    }
}
