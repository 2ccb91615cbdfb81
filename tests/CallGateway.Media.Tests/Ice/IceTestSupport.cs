using System.Diagnostics;
using System.Net;
using CallGateway.Media.Ice;

namespace CallGateway.Media.Tests.Ice;

/// <summary>Shared options and bounded waiting for the agent tests.</summary>
internal static class IceTestSupport
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Options for loopback tests: loopback allowed, otherwise defaults unless overridden.</summary>
    public static IceAgentOptions Options(IceMode mode, Action<IceAgentOptions>? configure = null)
    {
        var options = new IceAgentOptions
        {
            Mode = mode,
            AddressPolicy = new RemoteAddressPolicyOptions { AllowLoopback = true },
            CheckingTimeout = TimeSpan.FromSeconds(8),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Polls <paramref name="condition"/> every 10 ms until true or the timeout passes.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>Starts a lite and a full agent towards each other (the Meta topology) and waits for both.</summary>
    public static async Task ConnectFullToLiteAsync(UdpIcePeer full, UdpIcePeer lite)
    {
        full.Agent.SetRemote(lite.Credentials, [lite.Candidate], remoteIsLite: true);
        lite.Agent.SetRemote(full.Credentials, [full.Candidate], remoteIsLite: false);
        lite.Agent.Start(controlling: false);
        full.Agent.Start(controlling: true);
        Assert.True(
            await UntilAsync(() => full.Agent.State == IceConnectionState.Connected && lite.Agent.State == IceConnectionState.Connected, ConnectTimeout),
            $"not connected: full {full.Agent.State}, lite {lite.Agent.State}");
    }

    public static IPEndPoint PublicEndPoint(int lastOctet, int port = 50000) =>
        new(IPAddress.Parse("203.0.113." + lastOctet.ToString(System.Globalization.CultureInfo.InvariantCulture)), port);
}
