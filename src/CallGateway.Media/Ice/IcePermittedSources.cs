using System.Net;

namespace CallGateway.Media.Ice;

/// <summary>
/// The remote endpoints that proved knowledge of the ICE credentials (copy-on-write so the per-packet check in
/// <see cref="IceAgent.IsPermittedSource"/> takes no lock). Written only under the agent's lock.
/// </summary>
internal sealed class IcePermittedSources
{
    private volatile IPEndPoint[] _endpoints = [];

    public int Count => _endpoints.Length;

    public bool Contains(IPEndPoint endPoint)
    {
        IPEndPoint[] snapshot = _endpoints;
        for (int i = 0; i < snapshot.Length; i++)
        {
            if (snapshot[i].Port == endPoint.Port && snapshot[i].Address.Equals(endPoint.Address))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(IPEndPoint endPoint)
    {
        if (Contains(endPoint))
        {
            return;
        }

        IPEndPoint[] current = _endpoints;
        var next = new IPEndPoint[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = endPoint;
        _endpoints = next;
    }

    public void Clear() => _endpoints = [];
}
