using System.Net;
using CallGateway.Media.Ice;

namespace CallGateway.Media.Tests.Ice;

/// <summary>Records an agent's events (thread-safe) to assert order and absence.</summary>
internal sealed class IceStateRecorder
{
    private readonly Lock _gate = new();
    private readonly List<IceConnectionState> _states = [];
    private readonly List<IPEndPoint> _selections = [];

    public IceStateRecorder(IceAgent agent)
    {
        agent.StateChanged += (_, e) =>
        {
            lock (_gate)
            {
                _states.Add(e.Current);
            }
        };
        agent.SelectedPairChanged += (_, e) =>
        {
            lock (_gate)
            {
                _selections.Add(e.Remote.Address);
            }
        };
    }

    public IReadOnlyList<IceConnectionState> States
    {
        get
        {
            lock (_gate)
            {
                return [.. _states];
            }
        }
    }

    public IReadOnlyList<IPEndPoint> Selections
    {
        get
        {
            lock (_gate)
            {
                return [.. _selections];
            }
        }
    }

    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _states.Count + _selections.Count;
            }
        }
    }
}
