using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using CallGateway.Media.Dtls;
using CallGateway.Media.Ice;
using CallGateway.Media.Sdp;
using CallGateway.Media.Srtp;
using CallGateway.Media.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallGateway.Bench.Capacity;

/// <summary>
/// The far end of one capacity-test call, built from the lower media layers only: an ICE-lite agent (like Meta's
/// edge), a DTLS-SRTP association, two SRTP contexts, and the hub's shared socket. It offers, the gateway answers;
/// once keyed it sends pre-encoded Opus packets (the hub's send thread calls <see cref="SendAudio"/> every 20 ms)
/// and only counts (and authenticates) what the gateway sends; it never encodes or decodes audio.
/// </summary>
internal sealed class FarEndPeer : IDisposable
{
    private readonly FarEndHub _hub;
    private readonly IceCredentials _credentials = IceCredentials.Generate();
    private readonly LocalMediaParameters _local;
    private readonly DtlsDatagramTransport _dtlsTransport;
    private readonly DtlsSession _dtls;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _sendBuffer = new byte[1500];
    private readonly uint _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue) | 1u;
    private SdpNegotiation? _negotiation;
    private IPEndPoint? _gateway;
    private System.Net.SocketAddress? _gatewayAddress;
    private volatile SrtpContext? _srtpOut;
    private volatile SrtpContext? _srtpIn;
    private int _handshakeStarted;
    private int _packetIndex;
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue);
    private uint _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private bool _marker = true;
    private int _disposed;

    // Written by the hub's receive thread (or send thread) only; read with Volatile by the reporting thread.
    private long _rtpReceived;
    private long _rtcpReceived;
    private long _rejected;
    private long _rtpSent;

    public FarEndPeer(FarEndHub hub, int index)
    {
        _hub = hub;
        var candidate = IceCandidate.CreateHost(hub.LocalEndPoint);
        Ice = new IceAgent(
            new IceAgentOptions { Mode = IceMode.Lite, AddressPolicy = new RemoteAddressPolicyOptions { AllowLoopback = true } },
            _credentials, [candidate], hub, TimeProvider.System, NullLogger.Instance);
        Ice.SelectedPairChanged += OnSelectedPairChanged;
        _dtlsTransport = new DtlsDatagramTransport(SendDtls);
        _dtls = new DtlsSession(_dtlsTransport);
        _local = new LocalMediaParameters
        {
            IceUfrag = _credentials.Ufrag,
            IcePwd = _credentials.Password,
            IceLite = true,
            Fingerprint = hub.Certificate.Fingerprint.ToString(),
            Candidates = [new LocalHostCandidate(candidate.Foundation, candidate.Priority, hub.LocalEndPoint.Address.ToString(), hub.LocalEndPoint.Port)],
            Ssrc = _ssrc,
            CName = "far-end-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StreamId = Guid.NewGuid().ToString(),
            TrackId = Guid.NewGuid().ToString(),
            EnablePcmu = false,
            EnablePcma = false,
        };
        OfferSdp = SdpWriter.Write(AudioOfferBuilder.Build(_local));
    }

    public IceAgent Ice { get; }

    public string OfferSdp { get; }

    /// <summary>Completes when the DTLS handshake has keyed SRTP.</summary>
    public Task Connected => _connected.Task;

    public bool IsConnected => _srtpOut is not null;

    public long RtpReceived => Volatile.Read(ref _rtpReceived);

    public long RtcpReceived => Volatile.Read(ref _rtcpReceived);

    public long Rejected => Volatile.Read(ref _rejected);

    public long RtpSent => Volatile.Read(ref _rtpSent);

    /// <summary>Applies the gateway's answer and starts the lite ICE agent (it answers checks; it never sends any).</summary>
    public void ApplyAnswer(string answerSdp)
    {
        if (!SdpParser.TryParse(answerSdp, out var answer, out var error)
            || !AudioAnswerNegotiator.TryNegotiate(answer, _local, out var negotiation, out error))
        {
            throw new InvalidOperationException("far end cannot use the gateway's answer: " + error);
        }

        var candidates = new List<IceCandidate>();
        foreach (var c in negotiation.RemoteCandidates)
        {
            if (c.IsUdp && c.Component == IceCandidate.RtpComponent && c.TryGetEndPoint(out var endPoint))
            {
                candidates.Add(new IceCandidate(c.Foundation, c.Component, "udp", c.Priority, endPoint, IceCandidateType.Host));
                _gateway ??= endPoint;
            }
        }

        if (_gateway is null)
        {
            throw new InvalidOperationException("the gateway's answer has no usable candidate");
        }

        _gatewayAddress = _gateway.Serialize();
        _negotiation = negotiation;
        _hub.Register(_gateway.Port, this);
        Ice.SetRemote(new IceCredentials(negotiation.RemoteIceUfrag, negotiation.RemoteIcePwd), candidates, negotiation.RemoteIceLite);
        Ice.Start(negotiation.IsIceControlling);
    }

    /// <summary>One datagram from the gateway (hub receive thread): RFC 7983 demultiplexing.</summary>
    public void OnDatagram(Span<byte> datagram)
    {
        var gateway = _gateway;
        if (gateway is null)
        {
            return;
        }

        switch (PacketClassifier.Classify(datagram))
        {
            case PacketKind.Stun:
                Ice.ProcessStun(datagram, gateway);
                break;
            case PacketKind.Dtls when Ice.IsPermittedSource(gateway):
                _dtlsTransport.TryEnqueue(datagram);
                break;
            case PacketKind.Rtp:
                _rtpReceived++;
                if (_hub.VerifyReceived && _srtpIn is { } srtp && srtp.UnprotectRtp(datagram, datagram.Length, out _) != SrtpResult.Ok)
                {
                    _rejected++;
                }

                break;
            case PacketKind.Rtcp:
                _rtcpReceived++;
                break;
        }
    }

    /// <summary>Sends the next pre-encoded 20 ms Opus packet (hub send thread).</summary>
    public void SendAudio(byte[][] packets, int payloadType)
    {
        if (_srtpOut is not { } srtp || _gatewayAddress is not { } address)
        {
            return;
        }

        var payload = packets[_packetIndex];
        _packetIndex = _packetIndex + 1 == packets.Length ? 0 : _packetIndex + 1;
        var buffer = _sendBuffer.AsSpan();
        buffer[0] = 0x80;
        buffer[1] = (byte)(payloadType | (_marker ? 0x80 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], _sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], _timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], _ssrc);
        payload.CopyTo(buffer[12..]);
        _marker = false;
        _timestamp += 960;
        if (srtp.ProtectRtp(buffer, 12 + payload.Length, out var length) == SrtpResult.Ok)
        {
            _hub.SendTo(buffer[..length], address);
            _rtpSent++;
        }
    }

    public int PayloadType => _negotiation?.Codec.PayloadType ?? 111;

    /// <summary>Closes DTLS, ICE and SRTP. The hub calls this only after its threads have stopped.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _dtls.Dispose();
        Ice.Dispose();
        _dtlsTransport.Dispose();
        _srtpOut?.Dispose();
        _srtpIn?.Dispose();
        _connected.TrySetCanceled();
    }

    private void OnSelectedPairChanged(object? sender, IceSelectedPairChangedEventArgs e)
    {
        if (_negotiation is not { } negotiation || Interlocked.Exchange(ref _handshakeStarted, 1) != 0)
        {
            return;
        }

        var role = negotiation.DtlsRole == SdpDtlsRole.Client ? DtlsRole.Client : DtlsRole.Server;
        var fingerprints = negotiation.RemoteFingerprints
            .Select(f => DtlsFingerprint.TryParse(f.ToString(), out var parsed) ? parsed : null)
            .OfType<DtlsFingerprint>()
            .ToList();
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await _dtls.HandshakeAsync(role, _hub.Certificate, fingerprints).ConfigureAwait(false);
                using (result.SrtpKeys)
                {
                    var profile = (SrtpProfile)(int)result.SrtpProfile;
                    _srtpIn = new SrtpContext(profile, result.SrtpKeys.RemoteMasterKey, result.SrtpKeys.RemoteMasterSalt);
                    _srtpOut = new SrtpContext(profile, result.SrtpKeys.LocalMasterKey, result.SrtpKeys.LocalMasterSalt);
                }

                _connected.TrySetResult();
            }
            catch (Exception ex) when (ex is DtlsHandshakeException or OperationCanceledException or ObjectDisposedException)
            {
                _connected.TrySetException(ex);
            }
        });
    }

    private void SendDtls(ReadOnlySpan<byte> record)
    {
        if (_gatewayAddress is { } address)
        {
            _hub.SendTo(record, address);
        }
    }
}
