namespace CallGateway.Calls.Model;

/// <summary>The <c>statuses[].status</c> values Meta sends for a business-initiated call.</summary>
public enum OutboundCallStatus
{
    Ringing,
    Accepted,
    Rejected,
}
