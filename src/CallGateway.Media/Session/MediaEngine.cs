using System.Net;
using System.Security.Cryptography;
using CallGateway.Media.Dtls;
using CallGateway.Media.Ice;
using CallGateway.Media.Sdp;
using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Session;

/// <summary>
/// Creates WebRTC audio sessions on this machine: one UDP socket, ICE agent and DTLS-SRTP association per call,
/// all sessions ticked by one shared media clock. The DTLS certificate is shared by every session (its fingerprint
/// goes in each SDP) and renewed before it expires.
/// </summary>
public sealed class MediaEngine : IMediaEngine, IDisposable
{
    private static readonly TimeSpan CertificateValidity = TimeSpan.FromDays(30);
    private readonly Lock _gate = new();
    private readonly bool _ownsClock;
    private readonly HashSet<MediaSession> _sessions = [];
    private DtlsCertificate _certificate;

    public MediaEngine(MediaOptions options, TimeProvider time, ILoggerFactory loggerFactory, MediaClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = options;
        Time = time;
        LoggerFactory = loggerFactory;
        _ownsClock = clock is null;
        Clock = clock ?? new MediaClock(options.ClockWorkers);
        Epoch = time.GetTimestamp();
        AdvertisedAddress = options.ResolveAdvertisedAddress();
        _certificate = DtlsCertificate.Generate(validity: CertificateValidity, timeProvider: time);
    }

    public MediaOptions Options { get; }

    public MediaClock Clock { get; }

    public int ActiveSessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    internal TimeProvider Time { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal long Epoch { get; }

    internal IPAddress AdvertisedAddress { get; }

    /// <summary>The DTLS certificate for new sessions, renewed a day before it expires.</summary>
    internal DtlsCertificate Certificate
    {
        get
        {
            lock (_gate)
            {
                if (_certificate.NotAfter - Time.GetUtcNow() < TimeSpan.FromDays(1))
                {
                    // Sessions still using the old one keep it alive through their handshake result; it is not disposed here.
                    _certificate = DtlsCertificate.Generate(validity: CertificateValidity, timeProvider: Time);
                }

                return _certificate;
            }
        }
    }

    public Task<IMediaSession> CreateAnswerAsync(MediaSessionRequest request, string remoteOfferSdp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = Track(new MediaSession(this, Validate(request), Options.IceLite));
        try
        {
            session.StartAsAnswerer(remoteOfferSdp);
            return Task.FromResult<IMediaSession>(session);
        }
        catch
        {
            _ = session.DisposeAsync().AsTask();
            throw;
        }
    }

    public Task<IMediaSession> CreateOfferAsync(MediaSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = Track(new MediaSession(this, Validate(request), Options.IceLite));
        session.StartAsOfferer();
        return Task.FromResult<IMediaSession>(session);
    }

    public void Dispose()
    {
        MediaSession[] open;
        lock (_gate)
        {
            open = [.. _sessions];
        }

        foreach (var session in open)
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (_ownsClock)
        {
            Clock.Dispose();
        }

        _certificate.Dispose();
    }

    internal void OnSessionClosed(MediaSession session)
    {
        lock (_gate)
        {
            _sessions.Remove(session);
        }
    }

    internal IceAgentOptions IceOptions(bool lite) => new()
    {
        Mode = lite ? IceMode.Lite : IceMode.Full,
        CheckingTimeout = TimeSpan.FromSeconds(Options.IceCheckingTimeoutSeconds),
        ConsentExpiry = TimeSpan.FromSeconds(Options.ConsentExpirySeconds),
        AddressPolicy = new RemoteAddressPolicyOptions { AllowLoopback = Options.AllowLoopbackCandidates, AllowPrivate = Options.AllowPrivateCandidates },
    };

    internal LocalMediaParameters LocalParameters(IceCredentials credentials, IceCandidate candidate, DtlsCertificate certificate, bool lite) => new()
    {
        IceUfrag = credentials.Ufrag,
        IcePwd = credentials.Password,
        IceLite = lite,
        Fingerprint = certificate.Fingerprint.ToString(),
        Candidates = [new LocalHostCandidate(candidate.Foundation, candidate.Priority, candidate.Address.Address.ToString(), candidate.Address.Port)],
        Ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue) | 1u,
        CName = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)),
        StreamId = Guid.NewGuid().ToString(),
        TrackId = Guid.NewGuid().ToString(),
        EnablePcmu = Options.OfferG711,
        EnablePcma = Options.OfferG711,
    };

    private MediaSessionRequest Validate(MediaSessionRequest request) =>
        (request.SampleRate ?? Options.SampleRate) is 48000 or 16000
            ? request with { SampleRate = request.SampleRate ?? Options.SampleRate }
            : throw new ArgumentException("The PCM surface is 48000 or 16000 Hz.", nameof(request));

    private MediaSession Track(MediaSession session)
    {
        lock (_gate)
        {
            _sessions.Add(session);
        }

        return session;
    }
}
