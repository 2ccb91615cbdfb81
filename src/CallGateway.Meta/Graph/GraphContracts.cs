namespace CallGateway.Meta.Graph;

// Request and response bodies of the Calling API (calling-api-reference.txt). Property order is the wire order.

/// <summary>Body of <c>POST /{phone-number-id}/calls</c>.</summary>
public sealed record CallActionRequest(
    string MessagingProduct,
    string? To,
    string? CallId,
    string Action,
    CallSession? Session,
    string? BizOpaqueCallbackData);

/// <summary><c>session</c>: <c>sdp_type</c> is "offer" for connect and "answer" for pre_accept/accept.</summary>
public sealed record CallSession(string SdpType, string Sdp);

/// <summary><c>{"messaging_product":"whatsapp","success":true}</c> or, for connect, <c>{"calls":[{"id":"wacid..."}]}</c>.</summary>
public sealed record CallActionResponse(string? MessagingProduct, bool? Success, IReadOnlyList<CallIdEntry>? Calls);

public sealed record CallIdEntry(string? Id);

/// <summary>Graph's error envelope: <c>{"error":{"message":..,"type":..,"code":..,"error_subcode":..,"fbtrace_id":..}}</c>.</summary>
public sealed record GraphErrorEnvelope(GraphError? Error);

public sealed record GraphError(
    string? Message,
    string? Type,
    int? Code,
    int? ErrorSubcode,
    string? FbtraceId,
    GraphErrorUserData? ErrorData,
    string? ErrorUserTitle,
    string? ErrorUserMsg);

public sealed record GraphErrorUserData(string? MessagingProduct, string? Details);

/// <summary>Response of <c>GET /{phone-number-id}/call_permissions?user_wa_id=</c>.</summary>
public sealed record CallPermissionsResponse(
    string? MessagingProduct,
    CallPermission? Permission,
    IReadOnlyList<CallPermissionAction>? Actions);

/// <summary><c>status</c> is <c>no_permission</c>, <c>temporary</c> or <c>permanent</c>.</summary>
public sealed record CallPermission(string? Status, long? ExpirationTime);

public sealed record CallPermissionAction(string? ActionName, bool? CanPerformAction, IReadOnlyList<CallPermissionLimit>? Limits);

public sealed record CallPermissionLimit(string? TimePeriod, int? MaxAllowed, int? CurrentUsage, long? LimitExpirationTime);
