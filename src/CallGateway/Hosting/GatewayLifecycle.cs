using CallGateway.Calls.Ports;

namespace CallGateway.Hosting;

/// <summary>Closes admission when the host starts stopping: readiness goes false and new calls are turned away.</summary>
public sealed class GatewayLifecycle(IHostApplicationLifetime lifetime) : ICallAdmission
{
    public bool AcceptingCalls => !lifetime.ApplicationStopping.IsCancellationRequested;
}
