using CallGateway.Media;
using CallGateway.Sandbox.Devices;

namespace CallGateway.Sandbox.Calls;

/// <summary>
/// One call on Meta's side of the sandbox, with the simulated phone's media session. Guarded by its own lock:
/// Graph requests, device actions and timers all touch it.
/// </summary>
public sealed class SandboxCall
{
    public SandboxCall(string id, bool userInitiated, string userNumber, string businessNumber, DateTimeOffset createdAt)
    {
        Id = id;
        UserInitiated = userInitiated;
        UserNumber = userNumber;
        BusinessNumber = businessNumber;
        CreatedAt = createdAt;
    }

    public string Id { get; }
    public bool UserInitiated { get; }
    public string UserNumber { get; }
    public string BusinessNumber { get; }
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Serialises everything done to this call.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SandboxCallStatus Status { get; set; } = SandboxCallStatus.Ringing;
    public string? BizOpaqueCallbackData { get; set; }

    /// <summary>The business's offer (business-initiated) or the phone's offer (user-initiated).</summary>
    public string? OfferSdp { get; set; }

    public string? PreAcceptSdp { get; set; }
    public string? AcceptSdp { get; set; }

    /// <summary>The phone's answer to a business-initiated call.</summary>
    public string? PhoneAnswerSdp { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }

    /// <summary>The simulated phone's media session (ICE-lite, like Meta's media edge).</summary>
    public IMediaSession? Media { get; set; }

    /// <summary>What the phone heard.</summary>
    public HeardAudio Heard { get; } = new();

    /// <summary>DTMF digits the phone received from the business.</summary>
    public List<char> DtmfHeard { get; } = [];

    /// <summary>Times out a call that nobody answers.</summary>
    public CancellationTokenSource Timeout { get; } = new();

    public bool IsEnded => Status is SandboxCallStatus.Completed or SandboxCallStatus.Rejected or SandboxCallStatus.Failed;

    public long? DurationSeconds => StartedAt is { } start && EndedAt is { } end ? (long)Math.Round((end - start).TotalSeconds) : null;
}
