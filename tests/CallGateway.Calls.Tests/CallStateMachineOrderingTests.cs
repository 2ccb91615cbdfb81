using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using static CallGateway.Calls.Tests.CallStates;

namespace CallGateway.Calls.Tests;

/// <summary>Out-of-order and duplicate deliveries: Meta does not order webhooks and retries them for days.</summary>
public class CallStateMachineOrderingTests
{
    [Fact]
    public void TerminateBeforeConnect_LeavesATombstoneThatIgnoresTheLateConnect()
    {
        var tombstone = Apply(Inbound(CallStatus.New), Terminate(duration: null));
        Assert.Equal(CallStatus.Terminated, tombstone.State.Status);
        Assert.Equal(CallEndReason.Cancelled, tombstone.State.EndReason);

        var lateConnect = Apply(tombstone.State, InboundConnect());
        Assert.True(lateConnect.Refused);
        Assert.Empty(lateConnect.Commands); // no pre_accept, no media for a call that is over
        Assert.Same(tombstone.State, lateConnect.State);
    }

    [Fact]
    public void DuplicateTerminate_IsAbsorbed()
    {
        var ended = Apply(Inbound(CallStatus.Connected, media: true), Terminate(duration: 42)).State;
        var again = Apply(ended, Terminate(duration: 42));
        Assert.True(again.Refused);
        Assert.Null(again.Transition);
        Assert.Empty(again.Commands);
    }

    [Fact]
    public void LateTerminateWithZeroDuration_DoesNotOverwriteTalkTime()
    {
        var ended = Apply(Inbound(CallStatus.Connected, media: true), Terminate(duration: 42)).State;
        var retry = Apply(ended, Terminate(duration: 0));
        Assert.Equal(42, retry.State.DurationSeconds);
        Assert.Equal(CallEndReason.Completed, retry.State.EndReason);
    }

    [Fact]
    public void TerminateAfterOurHangup_FillsMetasDurationWithoutATransition()
    {
        var ended = Apply(Inbound(CallStatus.Terminating) with { EndReason = CallEndReason.HungUpByBusiness, AcceptedAt = Now.AddSeconds(-10) },
            new SignalingSucceeded(SignalAction.Terminate)).State;
        var webhook = Apply(ended, Terminate(duration: 9));
        Assert.False(webhook.Refused);
        Assert.Null(webhook.Transition);
        Assert.Equal(9, webhook.State.DurationSeconds);
        Assert.Equal(CallEndReason.HungUpByBusiness, webhook.State.EndReason);
    }

    [Theory]
    [InlineData(OutboundCallStatus.Ringing)]
    [InlineData(OutboundCallStatus.Accepted)]
    [InlineData(OutboundCallStatus.Rejected)]
    public void StatusAfterTerminate_IsIgnored(OutboundCallStatus status)
    {
        var ended = Apply(Outbound(CallStatus.Ringing), Terminate(duration: null)).State;
        var late = Apply(ended, Status(status));
        Assert.True(late.Refused);
        Assert.Equal(CallStatus.Terminated, late.State.Status);
    }

    [Fact]
    public void RingingAfterAccepted_DoesNotMoveTheCallBack()
    {
        var accepted = Apply(Outbound(CallStatus.Ringing), Status(OutboundCallStatus.Accepted)).State;
        var late = Apply(accepted, Status(OutboundCallStatus.Ringing));
        Assert.True(late.Refused);
        Assert.Equal(CallStatus.Accepted, late.State.Status);
    }

    [Fact]
    public void DuplicateInboundConnect_IsIgnored()
    {
        var ringing = Apply(Inbound(CallStatus.New), InboundConnect()).State;
        var dup = Apply(ringing, InboundConnect());
        Assert.True(dup.Refused);
        Assert.Empty(dup.Commands);
    }

    [Fact]
    public void DuplicateAnswerWebhook_IsAppliedOnce()
    {
        var applied = Apply(Outbound(CallStatus.Ringing), OutboundConnect()).State;
        var dup = Apply(applied, OutboundConnect());
        Assert.True(dup.Refused);
    }

    [Fact]
    public void BusinessConnectForUnknownCall_IsRefused()
    {
        var r = Apply(Outbound(CallStatus.New), OutboundConnect());
        Assert.True(r.Refused);
    }

    [Fact]
    public void EveryOrderOfOutboundWebhooks_EndsTerminatedWithoutIllegalMoves()
    {
        CallEvent[] events = [Status(OutboundCallStatus.Ringing), Status(OutboundCallStatus.Accepted), OutboundConnect(), Terminate()];
        var orders = Permutations(events).ToList();
        Assert.Equal(24, orders.Count);
        foreach (var order in orders)
        {
            var state = Outbound(CallStatus.Dialing);
            var statuses = new List<CallStatus> { state.Status };
            foreach (var e in order)
            {
                state = Apply(state, e).State;
                statuses.Add(state.Status);
            }

            Assert.Equal(CallStatus.Terminated, state.Status);
            // Status rank never decreases: Dialing < Ringing < Accepted < Connected < Terminated.
            Assert.True(statuses.Zip(statuses.Skip(1)).All(p => p.Second >= p.First), string.Join(" -> ", statuses));
        }
    }

    [Theory]
    [InlineData(CallDirection.Inbound)]
    [InlineData(CallDirection.Outbound)]
    public void MediaClosedByPeer_WaitsForMetasTerminate(CallDirection direction)
    {
        var connected = direction == CallDirection.Inbound ? Inbound(CallStatus.Connected, media: true) : Outbound(CallStatus.Connected, media: true, answered: true);
        var closed = Apply(connected, new MediaDisconnected("DTLS closed: CloseNotify"));
        Assert.Equal(CallStatus.Connected, closed.State.Status);
        var timer = Assert.IsType<StartTimer>(Assert.Single(closed.Commands));
        Assert.Equal(CallTimer.MediaGrace, timer.Kind);

        // Meta's terminate arrives within the grace period: a normal end.
        var ended = Apply(closed.State, Terminate(duration: 30));
        Assert.Equal(CallEndReason.Completed, ended.State.EndReason);
        Assert.DoesNotContain(ended.Commands, c => c is SendSignal);
    }

    [Fact]
    public void MediaClosedByPeer_AndNoTerminate_EndsAsMediaFailure()
    {
        var closed = Apply(Inbound(CallStatus.Connected, media: true), new MediaDisconnected("DTLS closed: CloseNotify")).State;
        var expired = Apply(closed, new TimerElapsed(CallTimer.MediaGrace));
        Assert.Equal(CallStatus.Terminating, expired.State.Status);
        Assert.Equal(CallEndReason.MediaFailed, expired.State.EndReason);
        CommandAssert.Sequence(expired, "CancelTimer", "CloseMedia", "Send Terminate");
    }

    [Fact]
    public void StaleAnswerTimer_AfterAccept_IsIgnored()
    {
        var r = Apply(Inbound(CallStatus.Connected, media: true), new TimerElapsed(CallTimer.Answer));
        Assert.True(r.Refused);
    }

    private static IEnumerable<CallEvent[]> Permutations(CallEvent[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
