namespace CallGateway.Tests.Observability;

/// <summary>
/// Tests that read /metrics run alone: the OpenTelemetry SDK subscribes to meters by name process-wide, so a gateway
/// host in this test process also exports the "CallGateway" instruments of every other host running in parallel
/// (a deployed gateway is one host per process, where this cannot happen).
/// </summary>
[CollectionDefinition(nameof(ProcessWideMetricsCollection), DisableParallelization = true)]
public sealed class ProcessWideMetricsCollection;
