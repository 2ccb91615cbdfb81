using System.Net;
using CallGateway.Media.Ice;
using static CallGateway.Media.Tests.Ice.IceTestSupport;

namespace CallGateway.Media.Tests.Ice;

/// <summary>Consent freshness (RFC 7675), lite expiry, and disposal.</summary>
public class IceAgentConsentTests
{
    private static void FastConsent(IceAgentOptions options)
    {
        options.ConsentInterval = TimeSpan.FromMilliseconds(100);
        options.DisconnectedTimeout = TimeSpan.FromMilliseconds(1000);
        options.ConsentExpiry = TimeSpan.FromMilliseconds(2000);
    }

    /// <summary>Silence is reported as Disconnected before Failed (an earlier transient flap is tolerated).</summary>
    private static void AssertEndsDisconnectedThenFailed(IceStateRecorder recorder)
    {
        IReadOnlyList<IceConnectionState> states = recorder.States;
        Assert.True(states.Count >= 2, string.Join(",", states));
        Assert.Equal([IceConnectionState.Disconnected, IceConnectionState.Failed], states.Skip(states.Count - 2));
    }

    [Fact]
    public async Task Consent_PeerAnswers_StaysConnected()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite, FastConsent));
        using var full = new UdpIcePeer(Options(IceMode.Full, FastConsent));
        await ConnectFullToLiteAsync(full, lite);
        var fullEvents = new IceStateRecorder(full.Agent);

        // Two expiry periods: without working consent both sides would have failed.
        await Task.Delay(4000);

        // A scheduling gap on a saturated machine may flap Connected/Disconnected; consent must never be lost.
        Assert.Equal(IceConnectionState.Connected, full.Agent.State);
        Assert.Equal(IceConnectionState.Connected, lite.Agent.State);
        Assert.DoesNotContain(IceConnectionState.Failed, fullEvents.States);
        Assert.True(full.Agent.Counters.ConsentRequestsSent >= 20, $"consent requests {full.Agent.Counters.ConsentRequestsSent}");
        Assert.Equal(0, lite.Agent.Counters.ConsentRequestsSent);
    }

    [Fact]
    public async Task Consent_LitePeerGoesSilent_FullAgentDisconnectsThenFails()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full, FastConsent));
        await ConnectFullToLiteAsync(full, lite);
        var fullEvents = new IceStateRecorder(full.Agent);
        Assert.True(full.Agent.IsPermittedSource(lite.EndPoint));

        lite.Muted = true;

        Assert.True(await UntilAsync(() => full.Agent.State == IceConnectionState.Failed, ConnectTimeout));
        AssertEndsDisconnectedThenFailed(fullEvents);
        Assert.False(full.Agent.IsPermittedSource(lite.EndPoint));
        Assert.Null(full.Agent.SelectedRemote);
    }

    [Fact]
    public async Task Consent_FullPeerGoesSilent_LiteAgentFails()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite, FastConsent));
        using var full = new UdpIcePeer(Options(IceMode.Full, o => o.ConsentInterval = TimeSpan.FromMilliseconds(100)));
        await ConnectFullToLiteAsync(full, lite);
        var liteEvents = new IceStateRecorder(lite.Agent);

        // Consent checks keep the lite side alive past its expiry...
        await Task.Delay(2500);
        Assert.Equal(IceConnectionState.Connected, lite.Agent.State);

        // ...until they stop.
        full.Muted = true;

        Assert.True(await UntilAsync(() => lite.Agent.State == IceConnectionState.Failed, ConnectTimeout));
        AssertEndsDisconnectedThenFailed(liteEvents);
        Assert.False(lite.Agent.IsPermittedSource(full.EndPoint));

        // Once failed, even a correctly authenticated check is no longer answered.
        using var late = new RawStunPeer(full.Credentials);
        late.Send(late.CheckFor(lite.Credentials, useCandidate: true), lite.EndPoint);
        Assert.Null(await late.ReceiveAsync(TimeSpan.FromMilliseconds(400)));
        Assert.False(lite.Agent.IsPermittedSource(late.EndPoint));
    }

    [Fact]
    public async Task Dispose_WhileChecking_StopsAllSendingAndEvents()
    {
        using var silent = new UdpIcePeer(Options(IceMode.Lite));
        silent.Muted = true;
        using var full = new UdpIcePeer(Options(IceMode.Full));
        var events = new IceStateRecorder(full.Agent);
        full.Agent.SetRemote(silent.Credentials, [silent.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);
        Assert.True(await UntilAsync(() => full.SentCount >= 3, ConnectTimeout)); // check + retransmissions

        full.Agent.Dispose();
        int sentAtDispose = full.SentCount;
        int eventsAtDispose = events.EventCount;
        await Task.Delay(1000); // longer than the pending RTOs (200, 400, 800 ms)

        Assert.Equal(sentAtDispose, full.SentCount);
        Assert.Equal(eventsAtDispose, events.EventCount);
        Assert.Equal(IceConnectionState.Closed, full.Agent.State);
        Assert.False(full.Agent.ProcessStun(new byte[20], silent.EndPoint));
        Assert.Throws<ObjectDisposedException>(() => full.Agent.Start(controlling: true));
    }

    [Fact]
    public async Task Dispose_WhileConnected_StopsConsentAndPermissions()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full, o => o.ConsentInterval = TimeSpan.FromMilliseconds(50)));
        await ConnectFullToLiteAsync(full, lite);
        Assert.True(await UntilAsync(() => full.Agent.Counters.ConsentRequestsSent >= 2, ConnectTimeout));

        full.Agent.Dispose();
        int sentAtDispose = full.SentCount;
        await Task.Delay(500);

        Assert.Equal(sentAtDispose, full.SentCount);
        Assert.False(full.Agent.IsPermittedSource(lite.EndPoint));
        Assert.Null(full.Agent.SelectedRemote);
    }

    [Fact]
    public async Task LiteAgent_NewNomination_MovesSelectionToLatestPair()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var first = new RawStunPeer();
        using var second = new RawStunPeer(first.Credentials);
        var events = new IceStateRecorder(lite.Agent);
        lite.Agent.SetRemote(first.Credentials, [], remoteIsLite: false);
        lite.Agent.Start(controlling: false);

        first.Send(first.CheckFor(lite.Credentials, useCandidate: true), lite.EndPoint);
        Assert.NotNull(await first.ReceiveAsync(ConnectTimeout));
        Assert.Equal(first.EndPoint, lite.Agent.SelectedRemote);
        Assert.Equal(IceCandidateType.PeerReflexive, lite.Agent.SelectedRemoteCandidate!.Type);

        second.Send(second.CheckFor(lite.Credentials, useCandidate: true), lite.EndPoint);
        Assert.NotNull(await second.ReceiveAsync(ConnectTimeout));
        Assert.Equal(second.EndPoint, lite.Agent.SelectedRemote);

        // A plain check on the old pair does not move the selection back.
        first.Send(first.CheckFor(lite.Credentials, useCandidate: false), lite.EndPoint);
        Assert.NotNull(await first.ReceiveAsync(ConnectTimeout));
        Assert.Equal(second.EndPoint, lite.Agent.SelectedRemote);

        Assert.True(await UntilAsync(() => events.Selections.Count == 2, ConnectTimeout));
        Assert.Equal(new List<IPEndPoint> { first.EndPoint, second.EndPoint }, events.Selections);
        Assert.Equal([IceConnectionState.Checking, IceConnectionState.Connected], events.States);
        Assert.True(lite.Agent.IsPermittedSource(first.EndPoint));
        Assert.True(lite.Agent.IsPermittedSource(second.EndPoint));
    }
}
