using CallGateway.Calls.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallGateway.Health;

/// <summary>Not ready while shutting down, so the load balancer stops sending new work before calls are ended.</summary>
public sealed class AdmissionHealthCheck(ICallAdmission admission) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(admission.AcceptingCalls ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("shutting down"));
}
