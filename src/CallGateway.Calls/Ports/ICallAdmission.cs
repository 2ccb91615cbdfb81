namespace CallGateway.Calls.Ports;

/// <summary>Whether the gateway takes new calls (false while it drains for shutdown).</summary>
public interface ICallAdmission
{
    bool AcceptingCalls { get; }
}
