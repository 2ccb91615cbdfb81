namespace CallGateway.Persistence.Entities;

/// <summary>Row of <c>calls</c>: the latest state of one call.</summary>
public sealed class CallRecord
{
    public string Id { get; set; } = "";
    public string? MetaCallId { get; set; }
    public string Direction { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Peer { get; set; }
    public string? BusinessNumber { get; set; }
    public string? BizOpaqueCallbackData { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? RingingAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ConnectedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public long? DurationSeconds { get; set; }
    public string? EndReason { get; set; }
    public string? MetaTerminateStatus { get; set; }
    public string? LastError { get; set; }
    public int? LastErrorCode { get; set; }
    public string? LocalSdp { get; set; }
    public string? RemoteSdp { get; set; }
    public bool MediaConnected { get; set; }
    public bool RemoteAnswerApplied { get; set; }
    public int TransitionCount { get; set; }
}
