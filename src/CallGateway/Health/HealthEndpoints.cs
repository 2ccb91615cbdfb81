using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CallGateway.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddCallGatewayHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<AdmissionHealthCheck>("admission", tags: [ReadyTag]);
        return services;
    }

    /// <summary>/healthz: the process is alive. /readyz: it can take calls (database reachable).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
