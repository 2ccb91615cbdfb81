using CallGateway.Meta.Webhooks;

namespace CallGateway.Webhooks;

/// <summary>Handles inbox events that do not belong to a call (e.g. call permission replies).</summary>
public interface IInboxEventHandler
{
    bool CanHandle(MetaWebhookEvent notification);

    /// <summary>Handles the event; returns a short outcome note stored with it.</summary>
    Task<string> HandleAsync(MetaWebhookEvent notification, CancellationToken cancellationToken);
}
