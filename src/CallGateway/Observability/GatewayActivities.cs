using System.Diagnostics;

namespace CallGateway.Observability;

/// <summary>
/// The gateway's own spans (ActivitySource <see cref="SourceName"/>): webhook intake and call-control actions sent
/// to Meta. HTTP server and Graph HTTP client spans come from the ASP.NET Core and HttpClient instrumentations and
/// nest around and under these.
/// </summary>
public static class GatewayActivities
{
    public const string SourceName = "CallGateway";

    /// <summary>A signed webhook POST: body read, signature check, parse, inbox commit.</summary>
    public const string WebhookIntake = "webhook intake";

    /// <summary>Prefix of a call-control span: <c>call PreAccept</c>, <c>call Terminate</c>…</summary>
    public const string CallActionPrefix = "call ";

    public const string WebhookOutcomeTag = "callgateway.webhook.outcome";
    public const string WebhookEventsTag = "callgateway.webhook.events";
    public const string CallIdTag = "callgateway.call.id";
    public const string MetaCallIdTag = "callgateway.call.meta_id";
    public const string DirectionTag = "callgateway.call.direction";
    public const string ActionTag = "callgateway.call.action";
    public const string ResultTag = "callgateway.call.action_result";
    public const string MetaErrorCodeTag = "callgateway.meta.error_code";

    public static ActivitySource Source { get; } = new(SourceName);
}
