using CallGateway.Api;
using CallGateway.Meta.Webhooks;
using CallGateway.Webhooks;

namespace CallGateway.Permissions;

/// <summary>Stores a user's <c>call_permission_reply</c> (from the webhook inbox) and drops the cached permission.</summary>
public sealed partial class CallPermissionReplyHandler(CallPermissionStore store, CallPermissionService permissions, ILogger<CallPermissionReplyHandler> logger)
    : IInboxEventHandler
{
    public bool CanHandle(MetaWebhookEvent notification) => notification is CallPermissionReplyNotification;

    public async Task<string> HandleAsync(MetaWebhookEvent notification, CancellationToken cancellationToken)
    {
        var reply = (CallPermissionReplyNotification)notification;
        var waId = PhoneNumbers.Normalize(reply.From);
        var applied = await store.ApplyReplyAsync(waId, reply, cancellationToken).ConfigureAwait(false);
        permissions.Invalidate(waId);
        var kind = reply.Response != "accept" ? "rejected" : reply.IsPermanent ? "permanent" : "temporary";
        var masked = WaIds.Mask(waId);
        LogReply(logger, masked, kind, reply.ResponseSource ?? "unknown", applied);
        return applied ? $"call permission {kind} ({reply.ResponseSource ?? "unknown source"})" : "older than the stored reply: ignored";
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Call permission reply from {WaId}: {Kind} ({Source}); stored: {Applied}")]
    private static partial void LogReply(ILogger logger, string waId, string kind, string source, bool applied);
}
