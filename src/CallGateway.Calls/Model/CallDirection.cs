namespace CallGateway.Calls.Model;

public enum CallDirection
{
    /// <summary>USER_INITIATED: a WhatsApp user calls the business.</summary>
    Inbound,

    /// <summary>BUSINESS_INITIATED: the business calls a WhatsApp user.</summary>
    Outbound,
}
