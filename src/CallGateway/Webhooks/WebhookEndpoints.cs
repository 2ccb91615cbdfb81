using System.Text.Json;
using CallGateway.Meta;
using CallGateway.Meta.Webhooks;
using CallGateway.Observability;
using CallGateway.Persistence.Inbox;
using Microsoft.Extensions.Options;

namespace CallGateway.Webhooks;

/// <summary>Meta's webhook: the GET verify handshake and the signed POST of events.</summary>
public static partial class WebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Authenticated by Meta's signature and verify token, not by an API key.
        var group = app.MapGroup(Path).ExcludeFromDescription().AllowAnonymous();
        group.MapGet("", Verify);
        group.MapPost("", ReceiveAsync).AddEndpointFilter<WebhookIntake>();
        return app;
    }

    internal static IResult Verify(HttpRequest request, IOptionsMonitor<MetaOptions> meta, ILoggerFactory loggers)
    {
        var query = request.Query;
        var challenge = VerifyHandshake.Answer(query["hub.mode"], query["hub.verify_token"], query["hub.challenge"], meta.CurrentValue.VerifyToken);
        if (challenge is null)
        {
            LogVerifyRefused(loggers.CreateLogger(typeof(WebhookEndpoints)));
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return Results.Text(challenge, "text/plain");
    }

    internal static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IOptionsMonitor<MetaOptions> meta,
        IOptions<WebhookOptions> limits,
        IWebhookInbox inbox,
        InboxSignal signal,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var arrivedAt = time.GetUtcNow(); // a call's setup time counts from here
        var logger = loggers.CreateLogger(typeof(WebhookEndpoints));
        var body = await RawBody.ReadAsync(http, limits.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            WebhookIntake.Mark(http, WebhookOutcome.TooLarge);
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                detail: $"Webhook bodies are limited to {limits.Value.MaxBodyBytes} bytes.");
        }

        // Authenticity first, on the raw bytes, before any parsing.
        var signature = WebhookSignature.Verify(body, http.Request.Headers[WebhookSignature.HeaderName], meta.CurrentValue.AppSecret);
        if (signature != SignatureCheck.Valid)
        {
            LogSignatureRefused(logger, signature, body.Length);
            WebhookIntake.Mark(http, WebhookOutcome.RefusedSignature);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature",
                detail: "X-Hub-Signature-256 is missing or does not match the body.");
        }

        var parsed = WebhookParser.Parse(body);
        if (parsed.IsMalformed)
        {
            LogMalformed(logger, parsed.Error);
            WebhookIntake.Mark(http, WebhookOutcome.Malformed);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook", detail: parsed.Error);
        }

        foreach (var note in parsed.Ignored)
        {
            LogIgnored(logger, note);
        }

        var items = parsed.Events.Select(e => ToInboxItem(e, arrivedAt)).ToList();
        var stored = await inbox.AppendAsync(items, cancellationToken).ConfigureAwait(false);
        LogStored(logger, stored.Stored, stored.Duplicates);
        WebhookIntake.Mark(http, items.Count == 0 ? WebhookOutcome.Ignored : stored.Stored > 0 ? WebhookOutcome.Stored : WebhookOutcome.Duplicate, items.Count);
        if (stored.Stored > 0)
        {
            signal.Notify();
        }

        return Results.Ok();
    }

    private static InboxItem ToInboxItem(MetaWebhookEvent e, DateTimeOffset arrivedAt) =>
        new(e.DedupeKey, KindOf(e), e.MetaCallId, JsonSerializer.Serialize(e, MetaJsonContext.Default.MetaWebhookEvent), arrivedAt);

    private static string KindOf(MetaWebhookEvent e) => e switch
    {
        CallConnectNotification => "connect",
        CallTerminateNotification => "terminate",
        CallStatusNotification s => "status:" + s.Status,
        CallPermissionReplyNotification => "call_permission_reply",
        _ => e.GetType().Name,
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Webhook verify handshake refused")]
    private static partial void LogVerifyRefused(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Webhook refused: signature {Check} ({Bytes} bytes)")]
    private static partial void LogSignatureRefused(ILogger logger, SignatureCheck check, int bytes);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Signed webhook is malformed: {Error}")]
    private static partial void LogMalformed(ILogger logger, string? error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Webhook part not acted on: {Note}")]
    private static partial void LogIgnored(ILogger logger, string note);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Webhook stored {Stored} new event(s), {Duplicates} redelivered")]
    private static partial void LogStored(ILogger logger, int stored, int duplicates);
}
