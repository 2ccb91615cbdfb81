using System.Net;
using CallGateway.Media.Dtls;
using CallGateway.Media.Ice;
using CallGateway.Media.Sdp;
using CallGateway.Media.Srtp;
using CallGateway.Media.Transport;
using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Session;

/// <summary>
/// One call's WebRTC audio: a UDP socket shared by ICE, DTLS and SRTP (RFC 7983), the ICE agent, the DTLS-SRTP
/// handshake, and the RTP audio streams ticked by the shared media clock. This is the composition root of the
/// media layers; its concerns live in the MediaSession.*.cs partials.
/// </summary>
/// <remarks>
/// Threads: datagrams arrive on the socket's receive loop (STUN, DTLS, inbound SRTP); the media clock ticks the
/// outbound stream and playout; API calls come from the call's actor. Inbound SRTP is used only on the receive
/// loop and outbound SRTP only on the clock thread; the jitter buffer has its own lock.
/// </remarks>
public sealed partial class MediaSession : IMediaSession, IDatagramHandler, IIceDatagramSender, IMediaClockClient, IRtpPacketSink
{
    private readonly MediaEngine _engine;
    private readonly MediaSessionRequest _request;
    private readonly LocalMediaParameters _local;
    private readonly IceAgent _ice;
    private readonly DtlsDatagramTransport _dtlsTransport;
    private readonly DtlsSession _dtls;
    private readonly UdpTransport _socket;
    private readonly ILogger _logger;
    private readonly DtlsCertificate _certificate;
    private readonly Lock _gate = new();
    private SdpNegotiation? _negotiation;
    private RtpAudioSender? _sender;
    private RtpAudioReceiver? _receiver;
    private SrtpContext? _srtpOut;
    private SrtpContext? _srtpIn;
    private IDisposable? _clockRegistration;
    private volatile MediaSessionState _state = MediaSessionState.Connecting;
    private volatile bool _sending;
    private volatile IAudioSource? _source;
    private IAudioSink[] _sinks = [];
    private string? _srtpProfile;
    private int _closed;

    internal MediaSession(MediaEngine engine, MediaSessionRequest request, bool iceLite)
    {
        _engine = engine;
        _request = request;
        _logger = new CallScopedLogger<MediaSession>(engine.LoggerFactory.CreateLogger("CallGateway.Media.Session"), request.CallId);
        SampleRate = request.SampleRate ?? engine.Options.SampleRate;
        _certificate = engine.Certificate;
        FrameSamples = SampleRate / 50;
        _socket = UdpTransport.Bind(engine.Options.ParsedBindAddress, engine.Options.Ports, this);
        var candidate = IceCandidate.CreateHost(new IPEndPoint(engine.AdvertisedAddress, _socket.LocalEndPoint.Port));
        var credentials = IceCredentials.Generate();
        _ice = new IceAgent(engine.IceOptions(iceLite), credentials, [candidate], this, engine.Time, _logger);
        _ice.SelectedPairChanged += OnSelectedPairChanged;
        _ice.StateChanged += OnIceStateChanged;
        _dtlsTransport = new DtlsDatagramTransport(SendDtls, engine.Options.Dtls);
        _dtls = new DtlsSession(_dtlsTransport, engine.Options.Dtls, new CallScopedLogger<DtlsSession>(engine.LoggerFactory.CreateLogger<DtlsSession>(), request.CallId), engine.Time);
        _dtls.Closed += OnDtlsClosed;
        _local = engine.LocalParameters(credentials, candidate, _certificate, iceLite);
    }

    public string CallId => _request.CallId;

    public string LocalSdp { get; private set; } = "";

    public MediaSessionState State => _state;

    public int SampleRate { get; }

    public int FrameSamples { get; }

    /// <summary>The local UDP endpoint (for diagnostics and tests).</summary>
    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    public void StartSending() => _sending = true;

    public void SetSource(IAudioSource? source) => _source = source;

    public IDisposable AddSink(IAudioSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            _sinks = [.. _sinks, sink];
        }

        return new SinkRegistration(this, sink);
    }

    public void SendDtmf(string digits)
    {
        var sender = _sender ?? throw new InvalidOperationException("The call's media is not negotiated yet: DTMF cannot be sent.");
        sender.QueueDtmf(digits);
    }

    private void RemoveSink(IAudioSink sink)
    {
        lock (_gate)
        {
            _sinks = _sinks.Where(s => !ReferenceEquals(s, sink)).ToArray();
        }
    }

    private void SetState(MediaSessionState state, string? reason)
    {
        lock (_gate)
        {
            // Closed is final; Failed and Disconnected only move on to Closed (Disconnected may still turn into Failed).
            if (_state == state || _state is MediaSessionState.Closed
                || (_state is MediaSessionState.Failed && state != MediaSessionState.Closed)
                || (_state is MediaSessionState.Disconnected && state is not (MediaSessionState.Closed or MediaSessionState.Failed)))
            {
                return;
            }

            _state = state;
        }

        MediaSessionLog.StateChanged(_logger, CallId, state, reason);
        _request.Observer?.OnStateChanged(this, state, reason);
    }

    private sealed class SinkRegistration(MediaSession session, IAudioSink sink) : IDisposable
    {
        public void Dispose() => session.RemoveSink(sink);
    }
}
