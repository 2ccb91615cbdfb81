using System.Net;
using CallGateway.Media.Ice;
using CallGateway.Media.Stun;
using Microsoft.Extensions.Logging.Abstractions;
using static CallGateway.Media.Tests.Ice.IceTestSupport;

namespace CallGateway.Media.Tests.Ice;

/// <summary>Authentication, source filtering and limits of <see cref="IceAgent"/>.</summary>
public class IceAgentSecurityTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task ProcessStun_AuthenticatedCheckFromRefusedAddress_GetsNoResponseAndIsNeverPermitted()
    {
        // Default policy: loopback refused, so a perfectly authenticated check from 127.0.0.1 must be ignored.
        using var lite = new UdpIcePeer(Options(IceMode.Lite, o => o.AddressPolicy = RemoteAddressPolicyOptions.Default));
        using var client = new RawStunPeer();
        lite.Agent.SetRemote(client.Credentials, [], remoteIsLite: false);
        lite.Agent.Start(controlling: false);

        client.Send(client.CheckFor(lite.Credentials, useCandidate: true), lite.EndPoint);

        Assert.Null(await client.ReceiveAsync(Quiet));
        Assert.True(await UntilAsync(() => lite.Agent.Counters.DroppedRefusedSource >= 1, ConnectTimeout));
        Assert.Equal(0, lite.Agent.Counters.SuccessResponsesSent);
        Assert.Equal(0, lite.Agent.Counters.ErrorResponsesSent);
        Assert.False(lite.Agent.IsPermittedSource(client.EndPoint));
        Assert.Null(lite.Agent.SelectedRemote);
        Assert.Equal(IceConnectionState.Checking, lite.Agent.State);
    }

    [Theory]
    [InlineData("169.254.169.254", 40000)]
    [InlineData("10.1.2.3", 40000)]
    [InlineData("224.0.0.251", 5353)]
    [InlineData("::ffff:127.0.0.1", 40000)]
    [InlineData("203.0.113.9", 53)]
    public void ProcessStun_FromRefusedSource_ReturnsFalseAndSendsNothing(string address, int port)
    {
        var sender = new RecordingSender();
        var credentials = IceCredentials.Generate();
        var remote = IceCredentials.Generate();
        using var agent = new IceAgent(
            new IceAgentOptions { Mode = IceMode.Lite }, credentials, [IceCandidate.CreateHost(PublicEndPoint(200, 40000))],
            sender, TimeProvider.System, NullLogger.Instance);
        agent.SetRemote(remote, [], remoteIsLite: false);
        agent.Start(controlling: false);
        byte[] check = RawStunPeer.BuildCheck(credentials.Ufrag + ":" + remote.Ufrag, credentials.Password, useCandidate: true, controlling: 7);
        var from = new IPEndPoint(IPAddress.Parse(address), port);

        Assert.False(agent.ProcessStun(check, from));
        Assert.Equal(0, sender.Count);
        Assert.False(agent.IsPermittedSource(from));
        Assert.Equal(1, agent.Counters.DroppedRefusedSource);
    }

    [Fact]
    public async Task IsPermittedSource_FalseUntilAnAuthenticatedCheck_ThenTrueOnlyForThatEndpoint()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var client = new RawStunPeer();
        using var other = new RawStunPeer(client.Credentials);
        lite.Agent.SetRemote(client.Credentials, [client.Candidate], remoteIsLite: false);
        lite.Agent.Start(controlling: false);
        Assert.False(lite.Agent.IsPermittedSource(client.EndPoint)); // signalled is not validated

        // Wrong password: 401 without MESSAGE-INTEGRITY, and still not permitted.
        byte[] forged = RawStunPeer.BuildCheck(
            lite.Credentials.Ufrag + ":" + client.Credentials.Ufrag, IceCredentials.Generate().Password, useCandidate: true, controlling: 1);
        client.Send(forged, lite.EndPoint);
        (StunMessage Message, IPEndPoint From)? rejection = await client.ReceiveAsync(ConnectTimeout);
        Assert.NotNull(rejection);
        Assert.Equal(StunMessageClass.ErrorResponse, rejection.Value.Message.Class);
        Assert.True(rejection.Value.Message.TryGetErrorCode(out StunErrorCode error));
        Assert.Equal(401, error.Code);
        Assert.False(rejection.Value.Message.HasMessageIntegrity);
        Assert.False(lite.Agent.IsPermittedSource(client.EndPoint));

        // Right password: success response with our mapped address, signed with the agent's password.
        client.Send(client.CheckFor(lite.Credentials, useCandidate: false), lite.EndPoint);
        (StunMessage Message, IPEndPoint From)? answer = await client.ReceiveAsync(ConnectTimeout);
        Assert.NotNull(answer);
        StunMessage response = answer.Value.Message;
        Assert.Equal(StunMessageClass.SuccessResponse, response.Class);
        Assert.True(response.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(client.EndPoint, mapped);
        Assert.True(response.VerifyMessageIntegrity(StunCredentials.ShortTermKey(lite.Credentials.Password)));
        Assert.True(response.VerifyFingerprint());
        Assert.True(lite.Agent.IsPermittedSource(client.EndPoint));
        Assert.True(lite.Agent.IsPermittedSource(new IPEndPoint(client.EndPoint.Address.MapToIPv6(), client.EndPoint.Port)));
        Assert.False(lite.Agent.IsPermittedSource(other.EndPoint));
        Assert.False(lite.Agent.IsPermittedSource(new IPEndPoint(IPAddress.Loopback, client.EndPoint.Port == 65535 ? 65534 : client.EndPoint.Port + 1)));
        Assert.Null(lite.Agent.SelectedRemote); // no USE-CANDIDATE yet
    }

    [Fact]
    public async Task IsPermittedSource_AuthenticatedCheckBeforeTheRemoteDescription_PermitsThatSourceOnly()
    {
        // An offerer's agent before the answer arrives: no remote description, not started. A full answerer (Chromium)
        // checks as soon as it has our offer and sends its DTLS ClientHello the moment a check is answered; if its
        // source is not permitted the session drops the ClientHello and DTLS waits for a retransmission (1 s).
        using var offerer = new UdpIcePeer(Options(IceMode.Full));
        using var answerer = new RawStunPeer();
        using var forger = new RawStunPeer();

        answerer.Send(
            RawStunPeer.BuildCheck(offerer.Credentials.Ufrag + ":" + answerer.Credentials.Ufrag, offerer.Credentials.Password, false, controlled: 5),
            offerer.EndPoint);
        (StunMessage Message, IPEndPoint From)? answered = await answerer.ReceiveAsync(ConnectTimeout);
        Assert.NotNull(answered);
        Assert.Equal(StunMessageClass.SuccessResponse, answered.Value.Message.Class);
        Assert.True(offerer.Agent.IsPermittedSource(answerer.EndPoint));

        // Without our password: 401 and never permitted.
        forger.Send(
            RawStunPeer.BuildCheck(offerer.Credentials.Ufrag + ":" + forger.Credentials.Ufrag, IceCredentials.Generate().Password, false, controlled: 5),
            offerer.EndPoint);
        (StunMessage Message, IPEndPoint From)? refused = await forger.ReceiveAsync(ConnectTimeout);
        Assert.NotNull(refused);
        Assert.Equal(StunMessageClass.ErrorResponse, refused.Value.Message.Class);
        Assert.False(offerer.Agent.IsPermittedSource(forger.EndPoint));

        // Nothing else is learned before the remote description.
        Assert.Empty(offerer.Agent.RemoteCandidates);
        Assert.Null(offerer.Agent.SelectedRemote);
        Assert.Equal(0, offerer.Agent.Counters.ChecksSent);
    }

    [Fact]
    public async Task IsPermittedSource_FullAgent_TrueOnlyAfterAuthenticatedResponse()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(lite.Credentials, [lite.Candidate], remoteIsLite: true);
        Assert.False(full.Agent.IsPermittedSource(lite.EndPoint));

        await ConnectFullToLiteAsync(full, lite);

        Assert.True(full.Agent.IsPermittedSource(lite.EndPoint));
        Assert.True(lite.Agent.IsPermittedSource(full.EndPoint));
        Assert.False(full.Agent.IsPermittedSource(new IPEndPoint(IPAddress.Loopback, 9)));
    }

    [Fact]
    public async Task ProcessStun_UnknownUsernameOrMissingIntegrity_NoSuccessResponse()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite));
        using var client = new RawStunPeer();
        lite.Agent.SetRemote(client.Credentials, [], remoteIsLite: false);
        lite.Agent.Start(controlling: false);

        // USERNAME for another session (right password, wrong ufrag pair).
        client.Send(RawStunPeer.BuildCheck("zzzz:" + client.Credentials.Ufrag, lite.Credentials.Password, true, controlling: 1), lite.EndPoint);
        (StunMessage Message, IPEndPoint From)? first = await client.ReceiveAsync(ConnectTimeout);
        Assert.NotNull(first);
        Assert.True(first.Value.Message.TryGetErrorCode(out StunErrorCode unauthenticated));
        Assert.Equal(401, unauthenticated.Code);

        // No MESSAGE-INTEGRITY at all.
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMessageClass.Request, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddUsername(lite.Credentials.Ufrag + ":" + client.Credentials.Ufrag);
        writer.AddPriority(1);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));
        client.Send(buffer[..written], lite.EndPoint);
        (StunMessage Message, IPEndPoint From)? second = await client.ReceiveAsync(ConnectTimeout);
        Assert.NotNull(second);
        Assert.True(second.Value.Message.TryGetErrorCode(out StunErrorCode badRequest));
        Assert.Equal(400, badRequest.Code);

        Assert.Equal(0, lite.Agent.Counters.SuccessResponsesSent);
        Assert.False(lite.Agent.IsPermittedSource(client.EndPoint));
    }

    [Fact]
    public async Task ProcessStun_CheckBeyondRemoteCandidateLimit_GetsNoSuccessAndIsNotPermitted()
    {
        using var lite = new UdpIcePeer(Options(IceMode.Lite, o => o.MaxRemoteCandidates = 1));
        using var first = new RawStunPeer();
        using var second = new RawStunPeer(first.Credentials);
        lite.Agent.SetRemote(first.Credentials, [], remoteIsLite: false);
        lite.Agent.Start(controlling: false);

        first.Send(first.CheckFor(lite.Credentials, useCandidate: false), lite.EndPoint);
        Assert.Equal(StunMessageClass.SuccessResponse, (await first.ReceiveAsync(ConnectTimeout))?.Message.Class);
        second.Send(second.CheckFor(lite.Credentials, useCandidate: true), lite.EndPoint);

        Assert.Null(await second.ReceiveAsync(Quiet));
        Assert.True(lite.Agent.IsPermittedSource(first.EndPoint));
        Assert.False(lite.Agent.IsPermittedSource(second.EndPoint));
        Assert.Null(lite.Agent.SelectedRemote);
        Assert.Single(lite.Agent.RemoteCandidates);
    }

    [Fact]
    public void ProcessStun_GarbageDtlsAndUnknownResponses_ReturnFalse()
    {
        var sender = new RecordingSender();
        using var agent = new IceAgent(
            Options(IceMode.Full), IceCredentials.Generate(), [IceCandidate.CreateHost(PublicEndPoint(200, 40000))],
            sender, TimeProvider.System, NullLogger.Instance);
        var from = new IPEndPoint(IPAddress.Loopback, 40001);
        var random = new Random(8445);
        for (int i = 0; i < 2000; i++)
        {
            var junk = new byte[random.Next(0, 200)];
            random.NextBytes(junk);
            Assert.False(agent.ProcessStun(junk, from));
        }

        Span<byte> response = stackalloc byte[64];
        var writer = new StunMessageWriter(response, StunMessageClass.SuccessResponse, StunMethod.Binding, StunTransactionId.NewRandom());
        writer.AddXorMappedAddress(from);
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));

        Assert.False(agent.ProcessStun(response[..written], from)); // no such transaction
        Assert.Equal(0, sender.Count);
        Assert.True(agent.Counters.DroppedInvalid >= 2001);
    }

    [Fact]
    public async Task SetRemote_RefusedAndExcessCandidates_AreDroppedAndNeverChecked()
    {
        var sender = new RecordingSender();
        using var agent = new IceAgent(
            new IceAgentOptions(), IceCredentials.Generate(), [IceCandidate.CreateHost(PublicEndPoint(200, 40000))],
            sender, TimeProvider.System, NullLogger.Instance);
        var candidates = new List<IceCandidate>
        {
            Host("127.0.0.1", 50000, 2_000_000_000),
            Host("10.0.0.1", 50000, 2_000_000_000),
            Host("169.254.169.254", 50000, 2_000_000_000),
            Host("203.0.113.250", 22, 2_000_000_000),
            Host("fe80::1", 50000, 2_000_000_000),
        };
        for (int i = 1; i <= 15; i++)
        {
            candidates.Add(Host("203.0.113." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 50000, (uint)(1000 + i)));
        }

        agent.SetRemote(IceCredentials.Generate(), candidates, remoteIsLite: true);
        agent.Start(controlling: true);

        // At most 10 remote candidates, the 10 highest-priority allowed ones (203.0.113.6-15).
        var expected = new HashSet<IPEndPoint>();
        for (int i = 6; i <= 15; i++)
        {
            expected.Add(PublicEndPoint(i));
        }

        Assert.Equal(expected, new HashSet<IPEndPoint>(agent.RemoteCandidates.Select(c => c.Address)));
        Assert.True(await UntilAsync(() => sender.Sent.Select(s => s.To).Distinct().Count() >= 10, ConnectTimeout));
        await Task.Delay(200);
        Assert.Equal(expected, new HashSet<IPEndPoint>(sender.Sent.Select(s => s.To)));
    }

    [Fact]
    public async Task SetRemote_PairLimit_ChecksNoMorePairsThanAllowed()
    {
        var sender = new RecordingSender();
        using var agent = new IceAgent(
            new IceAgentOptions { MaxCandidatePairs = 3 }, IceCredentials.Generate(),
            [IceCandidate.CreateHost(PublicEndPoint(200, 40000))], sender, TimeProvider.System, NullLogger.Instance);
        agent.SetRemote(IceCredentials.Generate(), [.. Enumerable.Range(1, 6).Select(i => Host("203.0.113." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 50000, (uint)i))], remoteIsLite: true);

        agent.Start(controlling: true);

        Assert.True(await UntilAsync(() => sender.Sent.Select(s => s.To).Distinct().Count() >= 3, ConnectTimeout));
        await Task.Delay(400);
        Assert.Equal(3, sender.Sent.Select(s => s.To).Distinct().Count());
    }

    private static IceCandidate Host(string address, int port, uint priority) =>
        new(address, 1, "udp", priority, new IPEndPoint(IPAddress.Parse(address), port), IceCandidateType.Host);
}
