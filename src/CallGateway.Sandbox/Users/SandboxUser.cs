namespace CallGateway.Sandbox.Users;

/// <summary>A simulated WhatsApp user: their call permission for the business and how their phone behaves.</summary>
public sealed class SandboxUser(string number)
{
    public string Number { get; } = number;

    /// <summary><c>no_permission</c>, <c>temporary</c> or <c>permanent</c>.</summary>
    public string PermissionStatus { get; set; } = "temporary";

    public DateTimeOffset? PermissionExpiresAt { get; set; }

    public PhoneAnswerMode AnswerMode { get; set; } = PhoneAnswerMode.Answer;

    /// <summary>Overrides the configured answer delay when set.</summary>
    public int? AnswerDelayMilliseconds { get; set; }

    /// <summary>Tone the phone plays, in Hz (null: the configured default; 0: silence).</summary>
    public double? ToneHz { get; set; }

    /// <summary>How the user answers a call permission request: <c>accept</c>, <c>reject</c> or null (no answer).</summary>
    public string? PermissionRequestReply { get; set; } = "accept";

    /// <summary>Connected business-initiated calls, for the start_call limit.</summary>
    public int CallsStartedToday { get; set; }

    /// <summary>Permission requests sent today, for the send_call_permission_request limit.</summary>
    public int PermissionRequestsToday { get; set; }

    public bool MayBeCalled(DateTimeOffset now) =>
        PermissionStatus == "permanent" || (PermissionStatus == "temporary" && (PermissionExpiresAt is null || PermissionExpiresAt > now));
}
