using CallGateway.Media;

namespace CallGateway.Calls.Tests.Fakes;

/// <summary>A media engine that negotiates nothing: sessions report what the test tells them to.</summary>
internal sealed class FakeMediaEngine : IMediaEngine
{
    public List<FakeMediaSession> Sessions { get; } = [];

    public bool FailNegotiation { get; set; }

    public Task<IMediaSession> CreateAnswerAsync(MediaSessionRequest request, string remoteOfferSdp, CancellationToken cancellationToken) =>
        Create(request, "v=0 answer for " + request.CallId);

    public Task<IMediaSession> CreateOfferAsync(MediaSessionRequest request, CancellationToken cancellationToken) =>
        Create(request, "v=0 offer for " + request.CallId);

    private Task<IMediaSession> Create(MediaSessionRequest request, string sdp)
    {
        if (FailNegotiation)
        {
            throw new MediaNegotiationException("no common codec");
        }

        var session = new FakeMediaSession(request, sdp);
        lock (Sessions)
        {
            Sessions.Add(session);
        }

        return Task.FromResult<IMediaSession>(session);
    }
}

internal sealed class FakeMediaSession(MediaSessionRequest request, string localSdp) : IMediaSession
{
    public string CallId => request.CallId;
    public string LocalSdp => localSdp;
    public MediaSessionState State { get; private set; } = MediaSessionState.Connecting;
    public int SampleRate => 48000;
    public int FrameSamples => 960;
    public bool Sending { get; private set; }
    public bool Disposed { get; private set; }
    public string? RemoteAnswer { get; private set; }

    public Task ApplyRemoteAnswerAsync(string remoteAnswerSdp, CancellationToken cancellationToken)
    {
        RemoteAnswer = remoteAnswerSdp;
        return Task.CompletedTask;
    }

    public void StartSending() => Sending = true;

    public void SetSource(IAudioSource? source)
    {
    }

    public IDisposable AddSink(IAudioSink sink) => new NoopDisposable();

    public void SendDtmf(string digits)
    {
    }

    public MediaStats GetStats() => new();

    /// <summary>Simulates ICE + DTLS completing (or failing) on a media thread.</summary>
    public void Report(MediaSessionState state, string? reason = null)
    {
        State = state;
        request.Observer?.OnStateChanged(this, state, reason);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        State = MediaSessionState.Closed;
        return ValueTask.CompletedTask;
    }

    private sealed class NoopDisposable : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
