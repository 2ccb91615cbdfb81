using CallGateway.Media;
using CallGateway.Sandbox.Calls;
using CallGateway.Sandbox.Devices;
using CallGateway.Sandbox.Users;

namespace CallGateway.Sandbox.Api;

/// <summary>Start a user-initiated call.</summary>
/// <param name="ToneHz">Tone the phone plays once the call is answered (default: the configured tone; 0 for silence).</param>
/// <param name="SdpOffer">Let an outside WebRTC peer (a browser) be the phone: its SDP offer is relayed as is, and the
/// business's answer appears on the call as <c>businessAnswerSdp</c>.</param>
public sealed record UserCallRequest(double? ToneHz, string? SdpOffer = null);

/// <summary>How a simulated user's phone behaves; only the given fields change.</summary>
/// <param name="AnswerMode">Answer, Reject or Ignore the business's next calls.</param>
/// <param name="Permission">Call permission for the business: no_permission, temporary (7 days) or permanent.</param>
/// <param name="PermissionRequestReply">accept or reject permission requests automatically; "none" to leave them unanswered.</param>
public sealed record UserSettingsRequest(PhoneAnswerMode? AnswerMode, int? AnswerDelayMilliseconds, double? ToneHz, string? Permission, string? PermissionRequestReply);

/// <summary>The user answers a call permission request.</summary>
public sealed record PermissionReplyRequest(string? Response, bool Permanent, string? ContextId);

/// <summary>Keys the user presses during a call.</summary>
public sealed record DigitsRequest(string? Digits);

public sealed record UserView(string Number, string Permission, DateTimeOffset? PermissionExpiresAt, PhoneAnswerMode AnswerMode, int? AnswerDelayMilliseconds, double? ToneHz, string? PermissionRequestReply)
{
    public static UserView From(SandboxUser u) => new(u.Number, u.PermissionStatus, u.PermissionExpiresAt, u.AnswerMode, u.AnswerDelayMilliseconds, u.ToneHz, u.PermissionRequestReply);
}

/// <summary>A call as Meta's side sees it, with what the phone heard and its media counters.</summary>
public sealed record SandboxCallView(
    string Id,
    string Direction,
    string User,
    SandboxCallStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? EndedBy,
    long? DurationSeconds,
    string? BizOpaqueCallbackData,
    HeardAudioSummary Heard,
    string DtmfHeard,
    MediaStats? Media,
    string? BusinessAnswerSdp)
{
    public static SandboxCallView From(SandboxCall c)
    {
        string dtmf;
        lock (c.DtmfHeard)
        {
            dtmf = new string(c.DtmfHeard.ToArray());
        }

        return new SandboxCallView(c.Id, c.UserInitiated ? "USER_INITIATED" : "BUSINESS_INITIATED", c.UserNumber, c.Status, c.CreatedAt, c.StartedAt,
            c.EndedAt, c.EndedBy, c.DurationSeconds, c.BizOpaqueCallbackData, c.Heard.Summarize(), dtmf, c.Media?.GetStats(),
            c.AcceptSdp ?? c.PreAcceptSdp);
    }
}
