using CallGateway.Calls;
using CallGateway.Events;
using Microsoft.Extensions.Options;

namespace CallGateway.MediaApps;

/// <summary>
/// Follows call events: finishes a call's apps when it ends, and dials the configured media stream WebSocket when
/// a call connects.
/// </summary>
public sealed partial class MediaAppsLifecycle(
    CallEventBus events,
    CallMediaAppsRegistry apps,
    MediaStreamDialer dialer,
    IOptions<MediaAppsOptions> options,
    ILogger<MediaAppsLifecycle> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(callId: null, afterSequence: null, capacity: 10_000);
        try
        {
            await foreach (var message in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await HandleAsync(message, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, message.Type, message.Data.CallId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(CallEventMessage message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case CallNotifications.Terminated:
                await apps.OnCallEndedAsync(message.Data).ConfigureAwait(false);
                break;
            case CallNotifications.Connected when options.Value.StreamUrl is { Length: > 0 } url:
                dialer.Dial(new Uri(url, UriKind.Absolute), message.Data.CallId, cancellationToken);
                break;
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Media apps could not handle {Type} of {CallId}")]
    private static partial void LogFailed(ILogger logger, Exception ex, string type, string callId);
}
