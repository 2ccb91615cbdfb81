namespace CallGateway.Api;

/// <summary>Place a call to a WhatsApp user.</summary>
/// <param name="To">The user's WhatsApp number in international format, digits only (a leading + is allowed), e.g. 14085551234.</param>
/// <param name="BizOpaqueCallbackData">Up to 512 characters Meta echoes back in the call's status and terminate webhooks.</param>
/// <param name="Force">Skip the gateway's call permission check (409) and let Meta decide (Meta refuses with 138006 without permission).</param>
public sealed record PlaceCallRequest(string? To, string? BizOpaqueCallbackData, bool? Force = null);
