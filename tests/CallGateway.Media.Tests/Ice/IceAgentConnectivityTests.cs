using System.Diagnostics;
using CallGateway.Media.Ice;
using static CallGateway.Media.Tests.Ice.IceTestSupport;

namespace CallGateway.Media.Tests.Ice;

/// <summary>End-to-end ICE between agents on real UDP sockets on 127.0.0.1.</summary>
public class IceAgentConnectivityTests
{
    [Fact]
    public async Task Start_FullControllingAgainstLite_BothSelectTheSamePairWithOneNomination()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full));
        var fullEvents = new IceStateRecorder(full.Agent);
        var liteEvents = new IceStateRecorder(lite.Agent);

        await ConnectFullToLiteAsync(full, lite);

        Assert.Equal(lite.EndPoint, full.Agent.SelectedRemote);
        Assert.Equal(full.EndPoint, lite.Agent.SelectedRemote);
        Assert.Equal(IceRole.Controlling, full.Agent.Role);
        Assert.Equal(IceRole.Controlled, lite.Agent.Role);
        Assert.Equal([IceConnectionState.Checking, IceConnectionState.Connected], fullEvents.States);
        Assert.Equal([IceConnectionState.Checking, IceConnectionState.Connected], liteEvents.States);
        Assert.Equal([lite.EndPoint], fullEvents.Selections);
        Assert.Equal([full.EndPoint], liteEvents.Selections);
        Assert.Equal(0, lite.Agent.Counters.ChecksSent); // a lite agent never checks
        Assert.Equal(1, lite.NominationsReceived);      // regular nomination: exactly one USE-CANDIDATE check
        Assert.Equal(full.EndPoint, lite.Agent.SelectedRemoteCandidate!.Address);
        Assert.Equal(IceCandidateType.Host, lite.Agent.SelectedRemoteCandidate.Type); // the signalled one, not prflx
    }

    [Fact]
    public async Task Start_FullControllingAgainstFullControlled_ControlledSelectsTheNominatedPair()
    {
        using var controlling = new UdpIcePeer(Options(IceMode.Full));
        using var controlled = new UdpIcePeer(Options(IceMode.Full));
        var controlledEvents = new IceStateRecorder(controlled.Agent);
        controlling.Agent.SetRemote(controlled.Credentials, [controlled.Candidate], remoteIsLite: false);
        controlled.Agent.SetRemote(controlling.Credentials, [controlling.Candidate], remoteIsLite: false);

        controlled.Agent.Start(controlling: false);
        controlling.Agent.Start(controlling: true);

        Assert.True(await UntilAsync(
            () => controlling.Agent.State == IceConnectionState.Connected && controlled.Agent.State == IceConnectionState.Connected,
            ConnectTimeout));
        Assert.Equal(controlled.EndPoint, controlling.Agent.SelectedRemote);
        Assert.Equal(controlling.EndPoint, controlled.Agent.SelectedRemote);
        Assert.Equal(IceRole.Controlled, controlled.Agent.Role);
        Assert.Equal(1, controlled.NominationsReceived);
        Assert.Equal(0, controlling.NominationsReceived); // the controlled side never nominates
        Assert.True(controlled.Agent.Counters.ChecksSent >= 1); // a full controlled agent checks too
        Assert.Equal([IceConnectionState.Checking, IceConnectionState.Connected], controlledEvents.States);
    }

    [Fact]
    public async Task LiteLearnsOurSdpLate_ChecksAndNominationBeforeThatAreKept()
    {
        // Meta's edge (lite) learns our credentials only when pre_accept delivers our answer, while our full agent
        // starts checking (and nominates) at once. RFC 8445 §7.3.1.3: early checks are answered and remembered.
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(lite.Credentials, [lite.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);
        Assert.True(await UntilAsync(() => full.Agent.State == IceConnectionState.Connected, ConnectTimeout));
        Assert.Null(lite.Agent.SelectedRemote);
        Assert.True(lite.Agent.IsPermittedSource(full.EndPoint)); // it proved our password: its DTLS may come early

        lite.Agent.SetRemote(full.Credentials, [full.Candidate], remoteIsLite: false);
        lite.Agent.Start(controlling: false);

        Assert.True(await UntilAsync(() => lite.Agent.State == IceConnectionState.Connected, ConnectTimeout));
        Assert.Equal(full.EndPoint, lite.Agent.SelectedRemote);
        Assert.True(lite.Agent.IsPermittedSource(full.EndPoint));
    }

    [Fact]
    public async Task EarlyCheckWithAnotherUsername_IsNotLearned()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(lite.Credentials, [lite.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);
        Assert.True(await UntilAsync(() => full.Agent.State == IceConnectionState.Connected, ConnectTimeout));

        // The lite side then hears of a different peer (other ufrag): the early checks were not from it.
        var other = IceCredentials.Generate();
        lite.Agent.SetRemote(other, [full.Candidate], remoteIsLite: false);
        lite.Agent.Start(controlling: false);
        await Task.Delay(300);
        Assert.Null(lite.Agent.SelectedRemote);
    }

    [Fact]
    public async Task Start_LiteDropsFirstThreeChecks_RetransmissionsRecover()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full));
        lite.DropNextRequests(3);

        await ConnectFullToLiteAsync(full, lite);

        // One pair: the request and its first two retransmissions (RTO 200, 400 ms) were dropped.
        Assert.True(full.Agent.Counters.Retransmissions >= 3, $"retransmissions {full.Agent.Counters.Retransmissions}");
        Assert.Equal(lite.EndPoint, full.Agent.SelectedRemote);
    }

    [Fact]
    public async Task Start_WrongRemotePassword_NeverConnectsAndFailsAfterCheckingTimeout()
    {
        var checkingTimeout = TimeSpan.FromMilliseconds(1500);
        using var lite = new UdpIcePeer(Options(IceMode.Lite, o => o.CheckingTimeout = checkingTimeout));
        using var full = new UdpIcePeer(Options(IceMode.Full, o => o.CheckingTimeout = checkingTimeout));
        var fullEvents = new IceStateRecorder(full.Agent);
        var wrong = new IceCredentials(lite.Credentials.Ufrag, IceCredentials.Generate().Password);
        full.Agent.SetRemote(wrong, [lite.Candidate], remoteIsLite: true);
        lite.Agent.SetRemote(full.Credentials, [full.Candidate], remoteIsLite: false);
        lite.Agent.Start(controlling: false);
        var clock = Stopwatch.StartNew();

        full.Agent.Start(controlling: true);

        Assert.True(await UntilAsync(() => full.Agent.State == IceConnectionState.Failed, ConnectTimeout));
        Assert.True(clock.Elapsed >= checkingTimeout - TimeSpan.FromMilliseconds(100), $"failed early at {clock.Elapsed}");
        Assert.Equal([IceConnectionState.Checking, IceConnectionState.Failed], fullEvents.States);
        Assert.Equal(0, lite.Agent.Counters.SuccessResponsesSent);
        Assert.True(lite.Agent.Counters.ErrorResponsesSent > 0); // 401, unsigned, which the full agent ignores
        Assert.Equal(0, full.Agent.Counters.SuccessResponsesReceived);
        Assert.False(full.Agent.IsPermittedSource(lite.EndPoint));
        Assert.False(lite.Agent.IsPermittedSource(full.EndPoint));
        Assert.Null(full.Agent.SelectedRemote);
        Assert.True(await UntilAsync(() => lite.Agent.State == IceConnectionState.Failed, ConnectTimeout));
    }

    [Fact]
    public async Task Start_BothControlling_RoleConflictResolvesToLargerTieBreaker()
    {
        using var a = new UdpIcePeer(Options(IceMode.Full));
        using var b = new UdpIcePeer(Options(IceMode.Full));
        a.Agent.SetRemote(b.Credentials, [b.Candidate], remoteIsLite: false);
        b.Agent.SetRemote(a.Credentials, [a.Candidate], remoteIsLite: false);

        a.Agent.Start(controlling: true);
        b.Agent.Start(controlling: true);

        Assert.True(await UntilAsync(
            () => a.Agent.State == IceConnectionState.Connected && b.Agent.State == IceConnectionState.Connected, ConnectTimeout));
        Assert.NotEqual(a.Agent.Role, b.Agent.Role);
        UdpIcePeer winner = a.Agent.Role == IceRole.Controlling ? a : b;
        UdpIcePeer loser = winner == a ? b : a;
        Assert.True(winner.Agent.TieBreaker > loser.Agent.TieBreaker); // RFC 8445 §7.3.1.1
        Assert.Equal(b.EndPoint, a.Agent.SelectedRemote);
        Assert.Equal(a.EndPoint, b.Agent.SelectedRemote);
        Assert.Equal(1, loser.NominationsReceived);
    }

    [Fact]
    public async Task Start_FullControlledWhileRemoteIsLite_ActsControlling()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(lite.Credentials, [lite.Candidate], remoteIsLite: true);
        lite.Agent.SetRemote(full.Credentials, [full.Candidate], remoteIsLite: false);
        lite.Agent.Start(controlling: true); // ignored: lite is always controlled

        full.Agent.Start(controlling: false); // overridden: RFC 8445 §6.1.1

        Assert.Equal(IceRole.Controlling, full.Agent.Role);
        Assert.Equal(IceRole.Controlled, lite.Agent.Role);
        Assert.True(await UntilAsync(
            () => full.Agent.State == IceConnectionState.Connected && lite.Agent.State == IceConnectionState.Connected, ConnectTimeout));
    }
}
