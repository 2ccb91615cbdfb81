namespace CallGateway.Sandbox.Calls;

/// <summary>A call as Meta's side sees it.</summary>
public enum SandboxCallStatus
{
    /// <summary>Ringing: for a user call, waiting for the business; for a business call, the phone rings.</summary>
    Ringing,

    /// <summary>User call: the business pre-accepted (media may connect, no audio yet).</summary>
    PreAccepted,

    /// <summary>Answered: audio flows.</summary>
    Ongoing,

    /// <summary>Ended after being answered, or cancelled.</summary>
    Completed,

    /// <summary>Rejected (by the business or by the user).</summary>
    Rejected,

    /// <summary>Not answered in time, or failed.</summary>
    Failed,
}
