namespace CallGateway.Observability;

/// <summary>
/// Metrics and traces. Bound from the <c>Observability</c> section. OTLP export is switched on by the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c> as usual), not by this section.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "Observability";

    /// <summary>Serve the Prometheus scrape endpoint (no API key needed: keep it on an internal network).</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Path of the scrape endpoint.</summary>
    public string PrometheusPath { get; set; } = "/metrics";
}
