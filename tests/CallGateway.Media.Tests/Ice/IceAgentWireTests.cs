using System.Net;
using CallGateway.Media.Ice;
using CallGateway.Media.Stun;
using static CallGateway.Media.Tests.Ice.IceTestSupport;

namespace CallGateway.Media.Tests.Ice;

/// <summary>What a full agent puts on the wire, checked against a hand-driven peer (RFC 8445 §7.2, §7.3, §8.1).</summary>
public class IceAgentWireTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Start_AgainstLitePeer_SendsRfc8445CheckThenOneNominationOnThatPair()
    {
        using var peer = new RawStunPeer();
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [peer.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);

        (StunMessage check, IPEndPoint from) = await peer.ReceiveRequestAsync(ConnectTimeout);

        Assert.Equal(full.EndPoint, from);
        Assert.True(check.TryGetUsername(out string? username));
        Assert.Equal(peer.Credentials.Ufrag + ":" + full.Credentials.Ufrag, username);
        Assert.True(check.TryGetPriority(out uint priority));
        Assert.Equal(IceCandidate.ComputePriority(IceCandidateType.PeerReflexive, 65535, 1), priority);
        Assert.True(check.TryGetIceControlling(out ulong tieBreaker));
        Assert.Equal(full.Agent.TieBreaker, tieBreaker);
        Assert.False(check.Contains(StunAttributeType.IceControlled));
        Assert.False(check.HasUseCandidate);
        Assert.True(check.VerifyMessageIntegrity(StunCredentials.ShortTermKey(peer.Credentials.Password)));
        Assert.False(check.VerifyMessageIntegrity(StunCredentials.ShortTermKey(full.Credentials.Password)));
        Assert.True(check.VerifyFingerprint());
        Assert.Equal(IceConnectionState.Checking, full.Agent.State);

        peer.RespondSuccess(check, from);
        (StunMessage nomination, _) = await peer.ReceiveRequestAsync(ConnectTimeout, skip: check.TransactionId);

        Assert.True(nomination.HasUseCandidate);
        Assert.NotEqual(check.TransactionId, nomination.TransactionId);
        Assert.True(nomination.TryGetIceControlling(out _));
        Assert.True(nomination.VerifyMessageIntegrity(StunCredentials.ShortTermKey(peer.Credentials.Password)));
        Assert.Equal(IceConnectionState.Checking, full.Agent.State); // selected only once the nomination succeeds

        peer.RespondSuccess(nomination, from);

        Assert.True(await UntilAsync(() => full.Agent.State == IceConnectionState.Connected, ConnectTimeout));
        Assert.Equal(peer.EndPoint, full.Agent.SelectedRemote);
    }

    [Fact]
    public async Task Start_ResponseSignedWithWrongPassword_IsIgnoredAndCheckRetransmitted()
    {
        using var peer = new RawStunPeer();
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [peer.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);
        (StunMessage check, IPEndPoint from) = await peer.ReceiveRequestAsync(ConnectTimeout);

        using var forger = new RawStunPeer(new IceCredentials(peer.Credentials.Ufrag, IceCredentials.Generate().Password));
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMessageClass.SuccessResponse, StunMethod.Binding, check.TransactionId);
        writer.AddXorMappedAddress(from);
        writer.AddMessageIntegrity(StunCredentials.ShortTermKey(forger.Credentials.Password));
        writer.AddFingerprint();
        Assert.True(writer.TryComplete(out int written));
        peer.Send(buffer[..written], from); // from the right address, with the wrong key

        (StunMessage retransmission, _) = await peer.ReceiveRequestAsync(ConnectTimeout);
        Assert.Equal(check.TransactionId, retransmission.TransactionId);
        Assert.False(retransmission.HasUseCandidate);
        Assert.Equal(0, full.Agent.Counters.SuccessResponsesReceived);
        Assert.False(full.Agent.IsPermittedSource(peer.EndPoint));
    }

    [Fact]
    public async Task Start_ResponseFromOtherAddress_FailsPairAndNeverPermits()
    {
        using var peer = new RawStunPeer();
        using var elsewhere = new RawStunPeer(peer.Credentials);
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [peer.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);
        (StunMessage check, IPEndPoint from) = await peer.ReceiveRequestAsync(ConnectTimeout);

        elsewhere.RespondSuccess(check, from); // authenticated, but not symmetric (RFC 8445 §7.2.5.2.1)

        // No nomination follows: the pair failed instead of succeeding.
        for (var received = await peer.ReceiveAsync(Quiet); received is not null; received = await peer.ReceiveAsync(Quiet))
        {
            Assert.False(received.Value.Message.HasUseCandidate);
        }

        Assert.Equal(IceConnectionState.Checking, full.Agent.State);
        Assert.Null(full.Agent.SelectedRemote);
        Assert.False(full.Agent.IsPermittedSource(elsewhere.EndPoint));
        Assert.False(full.Agent.IsPermittedSource(peer.EndPoint));
    }

    [Fact]
    public async Task ProcessStun_ControllingConflictWithSmallerTieBreaker_Answers487AndKeepsRole()
    {
        using var peer = new RawStunPeer();
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [], remoteIsLite: false);
        full.Agent.Start(controlling: true);
        Assert.True(full.Agent.TieBreaker > 0);

        peer.Send(peer.CheckFor(full.Credentials, useCandidate: false, controlling: full.Agent.TieBreaker - 1), full.EndPoint);
        (StunMessage response, _) = await ReceiveResponseAsync(peer);

        Assert.Equal(StunMessageClass.ErrorResponse, response.Class);
        Assert.True(response.TryGetErrorCode(out StunErrorCode error));
        Assert.Equal(StunErrorCode.RoleConflict, error.Code);
        Assert.True(response.VerifyMessageIntegrity(StunCredentials.ShortTermKey(full.Credentials.Password)));
        Assert.Equal(IceRole.Controlling, full.Agent.Role);
    }

    [Fact]
    public async Task ProcessStun_ControllingConflictWithLargerTieBreaker_SwitchesToControlledAndAnswers()
    {
        using var peer = new RawStunPeer();
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [], remoteIsLite: false);
        full.Agent.Start(controlling: true);
        Assert.True(full.Agent.TieBreaker < ulong.MaxValue);

        peer.Send(peer.CheckFor(full.Credentials, useCandidate: false, controlling: full.Agent.TieBreaker + 1), full.EndPoint);
        (StunMessage response, _) = await ReceiveResponseAsync(peer);

        Assert.Equal(StunMessageClass.SuccessResponse, response.Class);
        Assert.Equal(IceRole.Controlled, full.Agent.Role);
        // The triggered check that follows now claims the controlled role.
        (StunMessage triggered, _) = await peer.ReceiveRequestAsync(ConnectTimeout);
        Assert.True(triggered.TryGetIceControlled(out ulong tieBreaker));
        Assert.Equal(full.Agent.TieBreaker, tieBreaker);
    }

    [Fact]
    public async Task Start_487ResponseToControllingCheck_SwitchesToControlledAndRetries()
    {
        using var peer = new RawStunPeer();
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [peer.Candidate], remoteIsLite: false);
        full.Agent.Start(controlling: true);
        (StunMessage check, IPEndPoint from) = await peer.ReceiveRequestAsync(ConnectTimeout);
        Assert.True(check.TryGetIceControlling(out _));

        peer.RespondError(check, from, StunErrorCode.RoleConflict, peer.Credentials.Password);
        (StunMessage retry, _) = await peer.ReceiveRequestAsync(ConnectTimeout, skip: check.TransactionId);

        Assert.Equal(IceRole.Controlled, full.Agent.Role);
        Assert.True(retry.TryGetIceControlled(out _));
        Assert.False(retry.HasUseCandidate);
    }

    [Fact]
    public async Task Start_Unsigned401Response_IsIgnored()
    {
        using var peer = new RawStunPeer();
        using var full = new UdpIcePeer(Options(IceMode.Full));
        full.Agent.SetRemote(peer.Credentials, [peer.Candidate], remoteIsLite: true);
        full.Agent.Start(controlling: true);
        (StunMessage check, IPEndPoint from) = await peer.ReceiveRequestAsync(ConnectTimeout);

        peer.RespondError(check, from, StunErrorCode.Unauthenticated, password: null);
        (StunMessage retransmission, _) = await peer.ReceiveRequestAsync(ConnectTimeout);

        Assert.Equal(check.TransactionId, retransmission.TransactionId); // still retransmitting: the 401 was ignored
        Assert.Equal(0, full.Agent.Counters.ErrorResponsesReceived);
    }

    private static async Task<(StunMessage Message, IPEndPoint From)> ReceiveResponseAsync(RawStunPeer peer)
    {
        for (int i = 0; i < 20; i++)
        {
            (StunMessage Message, IPEndPoint From)? received = await peer.ReceiveAsync(ConnectTimeout);
            Assert.NotNull(received);
            if (received.Value.Message.Class != StunMessageClass.Request)
            {
                return received.Value;
            }
        }

        throw new TimeoutException("no response");
    }
}
