namespace CallGateway.Persistence.Entities;

/// <summary>Row of <c>call_transitions</c>: one entry of a call's history.</summary>
public sealed class CallTransitionRecord
{
    public long Id { get; set; }
    public string CallId { get; set; } = "";
    public int Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Trigger { get; set; } = "";
    public string? Detail { get; set; }
}
