using CallGateway.Sandbox.Graph;
using CallGateway.Sandbox.Users;

namespace CallGateway.Sandbox.Calls;

public sealed partial class MetaSimulator
{
    /// <summary>Graph connect: the business calls a user. Returns the new wacid; the phone then rings.</summary>
    public SandboxCall Connect(string? to, string? sdpType, string? sdp, string? bizOpaque)
    {
        if (string.IsNullOrWhiteSpace(to) || !to.All(char.IsAsciiDigit) || to.Length is < 7 or > 15)
        {
            throw SandboxGraphException.InvalidParameter("The parameter to must be the user's phone number in international format, digits only.");
        }

        if (!string.Equals(sdpType, "offer", StringComparison.Ordinal))
        {
            throw SandboxGraphException.InvalidParameter($"session.sdp_type must be \"offer\" for connect (got \"{sdpType}\").");
        }

        RequireUsableSdp(sdp, "connect");
        RequireOpaque(bizOpaque);
        var user = users.Get(to);
        if (!user.MayBeCalled(time.GetUtcNow()))
        {
            throw SandboxGraphException.NoCallPermission();
        }

        var call = new SandboxCall(SandboxCallStore.NewCallId(), userInitiated: false, user.Number, options.CurrentValue.BusinessNumber, time.GetUtcNow())
        {
            OfferSdp = sdp,
            BizOpaqueCallbackData = bizOpaque,
        };
        calls.Add(call);
        After(call, TimeSpan.FromMilliseconds(20), () => RingAsync(call, user));
        return call;
    }

    private Task RingAsync(SandboxCall call, SandboxUser user) => WithCallAsync(call, () =>
    {
        if (call.IsEnded)
        {
            return Task.CompletedTask;
        }

        webhooks.Enqueue("status:RINGING", call.Id, Webhook.Status(call.Id, "RINGING", user.Number, call.BizOpaqueCallbackData));
        switch (user.AnswerMode)
        {
            case PhoneAnswerMode.Answer:
                After(call, TimeSpan.FromMilliseconds(user.AnswerDelayMilliseconds ?? options.CurrentValue.AnswerDelayMilliseconds), () => PickUpAsync(call, user));
                break;
            case PhoneAnswerMode.Reject:
                After(call, TimeSpan.FromMilliseconds(user.AnswerDelayMilliseconds ?? options.CurrentValue.AnswerDelayMilliseconds), () => DeclineAsync(call, user));
                break;
        }

        After(call, TimeSpan.FromSeconds(options.CurrentValue.RingTimeoutSeconds), () => WithCallAsync(call, async () =>
        {
            if (call.Status == SandboxCallStatus.Ringing)
            {
                await EndAsync(call, SandboxCallStatus.Failed, "FAILED", "timeout").ConfigureAwait(false);
            }
        }));
        return Task.CompletedTask;
    });

    /// <summary>The user picks up a ringing business call (also reachable through the sandbox API).</summary>
    public Task AnswerAsync(string callId) => PickUpAsync(RequireCall(callId), null);

    /// <summary>The user declines a ringing business call.</summary>
    public Task DeclineAsync(string callId) => DeclineAsync(RequireCall(callId), null);

    private Task PickUpAsync(SandboxCall call, SandboxUser? user) => WithCallAsync(call, async () =>
    {
        if (call.UserInitiated || call.Status != SandboxCallStatus.Ringing)
        {
            throw SandboxGraphException.InvalidParameter($"Only a ringing business call can be answered (the call is {call.Status}).");
        }

        user ??= users.Get(call.UserNumber);
        call.Media = await edge.CreateAnswerAsync(PhoneRequest(call), call.OfferSdp!, CancellationToken.None).ConfigureAwait(false);
        call.Media.AddSink(call.Heard);
        call.Heard.SampleRate = call.Media.SampleRate;
        call.PhoneAnswerSdp = call.Media.LocalSdp;
        call.Status = SandboxCallStatus.Ongoing;
        call.StartedAt = time.GetUtcNow();
        user.CallsStartedToday++;

        // Meta sends the connect webhook (the SDP answer) when the media path is ready, then ACCEPTED on pick-up.
        webhooks.Enqueue("connect", call.Id, Webhook.Connect(call.Id, call.BusinessNumber, user.Number, userInitiated: false, "answer", call.PhoneAnswerSdp));
        webhooks.Enqueue("status:ACCEPTED", call.Id, Webhook.Status(call.Id, "ACCEPTED", user.Number, call.BizOpaqueCallbackData));
        StartTalking(call, user);
    });

    private Task DeclineAsync(SandboxCall call, SandboxUser? user) => WithCallAsync(call, async () =>
    {
        if (call.UserInitiated || call.Status != SandboxCallStatus.Ringing)
        {
            throw SandboxGraphException.InvalidParameter($"Only a ringing business call can be declined (the call is {call.Status}).");
        }

        user ??= users.Get(call.UserNumber);
        webhooks.Enqueue("status:REJECTED", call.Id, Webhook.Status(call.Id, "REJECTED", user.Number, call.BizOpaqueCallbackData));
        await EndAsync(call, SandboxCallStatus.Rejected, "COMPLETED", "user").ConfigureAwait(false);
    });
}
