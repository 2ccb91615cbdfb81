using CallGateway.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallGateway.Health;

/// <summary>Ready only when the database answers: without it no webhook can be acknowledged.</summary>
public sealed class DatabaseHealthCheck(DatabaseInitializer database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database error", ex);
        }
    }
}
