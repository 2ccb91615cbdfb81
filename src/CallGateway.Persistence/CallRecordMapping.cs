using CallGateway.Calls.Model;
using CallGateway.Persistence.Entities;

namespace CallGateway.Persistence;

/// <summary>Maps between the call model and its rows.</summary>
internal static class CallRecordMapping
{
    public static void CopyTo(this CallState state, CallRecord row)
    {
        row.Id = state.Id;
        row.MetaCallId = state.MetaCallId;
        row.Direction = state.Direction.ToString();
        row.Status = state.Status.ToString();
        row.Peer = state.Peer;
        row.BusinessNumber = state.BusinessNumber;
        row.BizOpaqueCallbackData = state.BizOpaqueCallbackData;
        row.CreatedAt = state.CreatedAt;
        row.UpdatedAt = state.UpdatedAt;
        row.RingingAt = state.RingingAt;
        row.AcceptedAt = state.AcceptedAt;
        row.ConnectedAt = state.ConnectedAt;
        row.EndedAt = state.EndedAt;
        row.DurationSeconds = state.DurationSeconds;
        row.EndReason = state.EndReason?.ToString();
        row.MetaTerminateStatus = state.MetaTerminateStatus;
        row.LastError = state.LastError;
        row.LastErrorCode = state.LastErrorCode;
        row.LocalSdp = state.LocalSdp;
        row.RemoteSdp = state.RemoteSdp;
        row.MediaConnected = state.MediaConnected;
        row.RemoteAnswerApplied = state.RemoteAnswerApplied;
        row.TransitionCount = state.TransitionCount;
    }

    public static CallState ToState(this CallRecord row) => new()
    {
        Id = row.Id,
        MetaCallId = row.MetaCallId,
        Direction = Enum.Parse<CallDirection>(row.Direction),
        Status = Enum.Parse<CallStatus>(row.Status),
        Peer = row.Peer,
        BusinessNumber = row.BusinessNumber,
        BizOpaqueCallbackData = row.BizOpaqueCallbackData,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        RingingAt = row.RingingAt,
        AcceptedAt = row.AcceptedAt,
        ConnectedAt = row.ConnectedAt,
        EndedAt = row.EndedAt,
        DurationSeconds = row.DurationSeconds,
        EndReason = row.EndReason is null ? null : Enum.Parse<CallEndReason>(row.EndReason),
        MetaTerminateStatus = row.MetaTerminateStatus,
        LastError = row.LastError,
        LastErrorCode = row.LastErrorCode,
        LocalSdp = row.LocalSdp,
        RemoteSdp = row.RemoteSdp,
        MediaConnected = row.MediaConnected,
        RemoteAnswerApplied = row.RemoteAnswerApplied,
        TransitionCount = row.TransitionCount,
    };

    public static CallTransition ToTransition(this CallTransitionRecord row) =>
        new(row.Sequence, row.At, Enum.Parse<CallStatus>(row.From), Enum.Parse<CallStatus>(row.To), row.Trigger, row.Detail);

    public static CallTransitionRecord ToRecord(this CallTransition t, string callId) => new()
    {
        CallId = callId,
        Sequence = t.Sequence,
        At = t.At,
        From = t.From.ToString(),
        To = t.To.ToString(),
        Trigger = t.Trigger,
        Detail = t.Detail,
    };
}
