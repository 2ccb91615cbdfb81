using System.Net;
using System.Net.Sockets;

namespace CallGateway.Media.Tests.Session;

/// <summary>
/// A man in the middle on 127.0.0.1 for one UDP flow, like a NAT: the gateway talks to <see cref="PublicEndPoint"/>,
/// the relay forwards to the phone from its own socket. It can drop packets (loss) and send RTP twice (replay).
/// </summary>
internal sealed class UdpRelay : IDisposable
{
    private readonly UdpClient _outside = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly UdpClient _inside = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _phone;
    private readonly Random _random = new(7983);
    private readonly CancellationTokenSource _stop = new();
    private IPEndPoint? _gateway;

    public UdpRelay(IPEndPoint phone)
    {
        _phone = phone;
        _ = Task.Run(() => PumpAsync(_outside, toPhone: true));
        _ = Task.Run(() => PumpAsync(_inside, toPhone: false));
    }

    public IPEndPoint PublicEndPoint => (IPEndPoint)_outside.Client.LocalEndPoint!;

    /// <summary>Fraction of media (RTP/RTCP) datagrams dropped, each direction.</summary>
    public double MediaLoss { get; set; }

    /// <summary>Forward every RTP packet from the phone twice.</summary>
    public bool ReplayPhoneRtp { get; set; }

    public int Replayed;
    public int Dropped;

    public void Dispose()
    {
        _stop.Cancel();
        _outside.Dispose();
        _inside.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync(UdpClient from, bool toPhone)
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await from.ReceiveAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var isMedia = received.Buffer.Length > 0 && received.Buffer[0] is >= 128 and <= 191;
            if (isMedia && _random.NextDouble() < MediaLoss)
            {
                Interlocked.Increment(ref Dropped);
                continue;
            }

            if (toPhone)
            {
                _gateway = received.RemoteEndPoint;
                await _inside.SendAsync(received.Buffer, _phone);
            }
            else if (_gateway is { } gateway)
            {
                await _outside.SendAsync(received.Buffer, gateway);
                if (isMedia && ReplayPhoneRtp && received.Buffer[1] is < 192 or > 223)
                {
                    Interlocked.Increment(ref Replayed);
                    await _outside.SendAsync(received.Buffer, gateway);
                }
            }
        }
    }
}
