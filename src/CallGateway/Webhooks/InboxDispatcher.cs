using System.Collections.Concurrent;
using System.Text.Json;
using CallGateway.Calls.Actors;
using CallGateway.Meta.Webhooks;
using CallGateway.Persistence.Entities;
using CallGateway.Persistence.Inbox;
using Microsoft.Extensions.Options;

namespace CallGateway.Webhooks;

/// <summary>
/// Drains the webhook inbox in the background. Events of one call are delivered in arrival order, one at a time
/// (one lane per call); different calls proceed in parallel, so a slow call never delays another's webhooks.
/// An event is marked processed only after its call handled it, so a crash in between re-delivers it on restart
/// (the state machine absorbs the duplicate).
/// </summary>
public sealed partial class InboxDispatcher(
    IWebhookInbox inbox,
    InboxSignal signal,
    CallRegistry calls,
    IEnumerable<IInboxEventHandler> handlers,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<InboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentDictionary<string, Task> _lanes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, bool> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, ex);
            }

            await signal.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
        }

        await Task.WhenAll(_lanes.Values).ConfigureAwait(false);
    }

    /// <summary>Starts a lane for every call whose oldest pending event is due and that has no lane running.</summary>
    internal async Task DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await inbox.GetPendingAsync(500, cancellationToken).ConfigureAwait(false);
        foreach (var lane in pending.Where(m => !_inFlight.ContainsKey(m.Id)).GroupBy(LaneOf))
        {
            // A deferred event holds back the later events of its call, so their order is kept.
            var messages = lane.TakeWhile(m => m.NextAttemptAt is null || m.NextAttemptAt <= now).ToList();
            if (messages.Count == 0 || _lanes.ContainsKey(lane.Key))
            {
                continue;
            }

            messages.ForEach(m => _inFlight[m.Id] = true);
            _lanes[lane.Key] = Task.Run(() => RunLaneAsync(lane.Key, messages, cancellationToken), CancellationToken.None);
        }
    }

    private async Task RunLaneAsync(string lane, List<InboxMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var message in messages)
            {
                var delivered = await DeliverAsync(message, cancellationToken).ConfigureAwait(false);
                if (!delivered)
                {
                    break; // keep the lane's order: later events wait for this one
                }
            }
        }
        finally
        {
            messages.ForEach(m => _inFlight.TryRemove(m.Id, out _));
            _lanes.TryRemove(lane, out _);
            signal.Notify();
        }
    }

    /// <summary>Delivers one event; false when it was deferred or failed and must be retried later.</summary>
    private async Task<bool> DeliverAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var notification = JsonSerializer.Deserialize(message.Payload, MetaJsonContext.Default.MetaWebhookEvent)
                ?? throw new JsonException("empty payload");
            var handler = handlers.FirstOrDefault(h => h.CanHandle(notification));
            if (handler is not null)
            {
                var outcome = await handler.HandleAsync(notification, cancellationToken).ConfigureAwait(false);
                await inbox.MarkProcessedAsync(message.Id, outcome, cancellationToken).ConfigureAwait(false);
                return true;
            }

            return await DeliverToCallAsync(message, notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeliveryFailed(logger, ex, message.Id, message.Kind);
            if (message.Attempts + 1 >= options.Value.MaxAttempts)
            {
                await inbox.MarkDeadAsync(message.Id, ex.Message, cancellationToken).ConfigureAwait(false);
                return true;
            }

            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.Attempts)));
            await inbox.DeferAsync(message.Id, time.GetUtcNow() + backoff, ex.Message, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private async Task<bool> DeliverToCallAsync(InboxMessage message, MetaWebhookEvent notification, CancellationToken cancellationToken)
    {
        var waited = time.GetUtcNow() - message.ReceivedAt;
        var orphanAllowed = waited >= TimeSpan.FromSeconds(options.Value.UnknownCallGraceSeconds);
        var mapped = WebhookEventMapper.Map(notification, orphanAllowed, message.ReceivedAt);
        if (mapped is null || notification.MetaCallId is null)
        {
            await inbox.MarkProcessedAsync(message.Id, "not a call event", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var result = await calls.SendToMetaCallAsync(notification.MetaCallId, mapped.Event, mapped.CreateCall, cancellationToken).ConfigureAwait(false);
        if (result is null && !orphanAllowed)
        {
            // Meta can send RINGING before our connect request has returned the wacid: wait for the call to appear.
            await inbox.DeferAsync(message.Id, time.GetUtcNow() + TimeSpan.FromSeconds(1), "call not known yet", cancellationToken).ConfigureAwait(false);
            return false;
        }

        var outcome = result is null ? "orphan: no such call" : result.RefusedReason ?? $"{result.State.Status}";
        await inbox.MarkProcessedAsync(message.Id, outcome, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string LaneOf(InboxMessage m) => m.MetaCallId ?? m.DedupeKey;

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Inbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Inbox event {Id} ({Kind}) failed; will retry")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception ex, long id, string kind);
}
