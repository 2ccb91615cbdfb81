using CallGateway.Sandbox.Graph;
namespace CallGateway.Sandbox.Calls;

public sealed partial class MetaSimulator
{
    /// <summary>
    /// A WhatsApp user calls the business: the phone makes an ICE-lite offer and Meta sends the connect webhook.
    /// With <paramref name="externalOfferSdp"/>, an outside WebRTC peer (e.g. a browser) is the phone: its offer is
    /// relayed as is and the business's answer is published on the call for that peer to apply.
    /// </summary>
    public async Task<SandboxCall> UserCallsAsync(string userNumber, double? toneHz, CancellationToken cancellationToken, string? externalOfferSdp = null)
    {
        var user = users.Get(userNumber);
        if (toneHz is not null)
        {
            user.ToneHz = toneHz;
        }

        var call = new SandboxCall(SandboxCallStore.NewCallId(), userInitiated: true, user.Number, options.CurrentValue.BusinessNumber, time.GetUtcNow());
        if (externalOfferSdp is null)
        {
            call.Media = await edge.CreateOfferAsync(PhoneRequest(call), cancellationToken).ConfigureAwait(false);
            call.Media.AddSink(call.Heard);
            call.Heard.SampleRate = call.Media.SampleRate;
            call.OfferSdp = call.Media.LocalSdp;
        }
        else
        {
            RequireUsableSdp(externalOfferSdp, "the external phone's");
            call.OfferSdp = externalOfferSdp;
        }

        calls.Add(call);
        webhooks.Enqueue("connect", call.Id, Webhook.Connect(call.Id, user.Number, call.BusinessNumber, userInitiated: true, "offer", call.OfferSdp));

        // Meta's accept window: unanswered, the caller sees "Not Answered" and a terminate webhook follows.
        After(call, TimeSpan.FromSeconds(options.CurrentValue.AcceptTimeoutSeconds), () => WithCallAsync(call, async () =>
        {
            if (call.Status is SandboxCallStatus.Ringing or SandboxCallStatus.PreAccepted)
            {
                await EndAsync(call, SandboxCallStatus.Failed, "FAILED", "timeout").ConfigureAwait(false);
            }
        }));
        return call;
    }

    /// <summary>Graph pre_accept: the business's SDP answer, so the media path can connect before accept.</summary>
    public Task PreAcceptAsync(string? callId, string? sdpType, string? sdp) => WithCallAsync(RequireCall(callId), async call =>
    {
        RequireUserCall(call, "pre_accept");
        RequireAnswer(sdpType);
        RequireUsableSdp(sdp, "pre_accept");
        if (call.Status is not SandboxCallStatus.Ringing)
        {
            throw SandboxGraphException.InvalidParameter($"Cannot pre_accept a call that is {call.Status}.");
        }

        await ApplyBusinessAnswerAsync(call, sdp!).ConfigureAwait(false);
        call.PreAcceptSdp = sdp;
        call.Status = SandboxCallStatus.PreAccepted;
    });

    /// <summary>Graph accept: must carry the same SDP as pre_accept; then audio flows.</summary>
    public Task AcceptAsync(string? callId, string? sdpType, string? sdp, string? bizOpaque) => WithCallAsync(RequireCall(callId), async call =>
    {
        RequireUserCall(call, "accept");
        RequireAnswer(sdpType);
        RequireUsableSdp(sdp, "accept");
        RequireOpaque(bizOpaque);
        if (call.Status is not (SandboxCallStatus.Ringing or SandboxCallStatus.PreAccepted))
        {
            throw SandboxGraphException.InvalidParameter($"Accept/Reject an already In Progress/Completed/Failed call ({call.Status}).");
        }

        if (call.PreAcceptSdp is not null && !string.Equals(call.PreAcceptSdp, sdp, StringComparison.Ordinal))
        {
            throw SandboxGraphException.InvalidParameter("SDP answer provided in accept does not match the SDP answer given in the Pre-Accept endpoint for the same call-id.");
        }

        if (call.PreAcceptSdp is null)
        {
            await ApplyBusinessAnswerAsync(call, sdp!).ConfigureAwait(false);
        }

        call.AcceptSdp = sdp;
        call.BizOpaqueCallbackData = bizOpaque ?? call.BizOpaqueCallbackData;
        call.Status = SandboxCallStatus.Ongoing;
        call.StartedAt = time.GetUtcNow();
        StartTalking(call, users.Get(call.UserNumber));
    });

    /// <summary>Graph reject of a ringing user call.</summary>
    public Task RejectAsync(string? callId) => WithCallAsync(RequireCall(callId), async call =>
    {
        RequireUserCall(call, "reject");
        if (call.Status is not (SandboxCallStatus.Ringing or SandboxCallStatus.PreAccepted))
        {
            throw SandboxGraphException.InvalidParameter($"Accept/Reject an already In Progress/Completed/Failed call ({call.Status}).");
        }

        await EndAsync(call, SandboxCallStatus.Rejected, "COMPLETED", "business").ConfigureAwait(false);
    });

    /// <summary>Graph terminate: ends an ongoing call (or cancels a business call still ringing).</summary>
    public Task TerminateAsync(string? callId) => WithCallAsync(RequireCall(callId), async call =>
    {
        if (call.IsEnded)
        {
            throw SandboxGraphException.InvalidParameter("The WhatsApp user has already terminated the call.");
        }

        if (call.UserInitiated && call.Status is not SandboxCallStatus.Ongoing)
        {
            throw SandboxGraphException.InvalidParameter("Reject call is already in progress: use reject for a call that was not accepted.");
        }

        await EndAsync(call, SandboxCallStatus.Completed, "COMPLETED", "business").ConfigureAwait(false);
    });

    /// <summary>The WhatsApp user hangs up (or cancels a call that is still ringing).</summary>
    public Task UserHangsUpAsync(string callId) => WithCallAsync(RequireCall(callId), async call =>
    {
        if (call.IsEnded)
        {
            throw SandboxGraphException.InvalidParameter("The call has already ended.");
        }

        await EndAsync(call, SandboxCallStatus.Completed, "COMPLETED", "user").ConfigureAwait(false);
    });

    /// <summary>The WhatsApp user presses keys: RFC 4733 events in the media stream (Meta has no DTMF webhook).</summary>
    public Task UserPressesAsync(string callId, string digits) => WithCallAsync(RequireCall(callId), call =>
    {
        if (call.Status != SandboxCallStatus.Ongoing || call.Media is null)
        {
            throw SandboxGraphException.InvalidParameter("Digits can only be sent during an answered call.");
        }

        call.Media.SendDtmf(digits);
        return Task.CompletedTask;
    });

    private static async Task ApplyBusinessAnswerAsync(SandboxCall call, string sdp)
    {
        if (call.Media is null)
        {
            return; // an external phone applies the answer itself (it reads it from the call)
        }

        try
        {
            await call.Media.ApplyRemoteAnswerAsync(sdp, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Media.MediaNegotiationException ex)
        {
            throw SandboxGraphException.InvalidParameter($"Invalid Connection info: {ex.Message}");
        }
    }

    private static void RequireUserCall(SandboxCall call, string action)
    {
        if (!call.UserInitiated)
        {
            throw SandboxGraphException.InvalidParameter($"{action} applies to user-initiated calls only.");
        }
    }

    private static void RequireAnswer(string? sdpType)
    {
        // The reference's tables say "offer"; Meta actually requires "answer" here, and integrations that follow the
        // table never connect. The sandbox is as strict as Meta.
        if (!string.Equals(sdpType, "answer", StringComparison.Ordinal))
        {
            throw SandboxGraphException.InvalidParameter($"session.sdp_type must be \"answer\" for pre_accept and accept (got \"{sdpType}\").");
        }
    }

    private static void RequireOpaque(string? bizOpaque)
    {
        if (bizOpaque is { Length: > MaxBizOpaqueLength })
        {
            throw SandboxGraphException.InvalidParameter($"Param biz_opaque_callback_data must be at most {MaxBizOpaqueLength} characters long.");
        }
    }

    private static async Task WithCallAsync(SandboxCall call, Func<SandboxCall, Task> action)
    {
        await call.Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await action(call).ConfigureAwait(false);
        }
        finally
        {
            call.Gate.Release();
        }
    }

    private static Task WithCallAsync(SandboxCall call, Func<Task> action) => WithCallAsync(call, _ => action());
}
