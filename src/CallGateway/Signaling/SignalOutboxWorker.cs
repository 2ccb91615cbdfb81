using CallGateway.Calls.Actors;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Persistence.Entities;
using CallGateway.Persistence.Signaling;

namespace CallGateway.Signaling;

/// <summary>
/// Retries the outbox's call actions with exponential backoff (2 s doubling to 60 s) until Meta confirms, refuses,
/// or the deadline passes, and reports each outcome to the call's actor. Rows survive restarts.
/// </summary>
public sealed partial class SignalOutboxWorker(
    ISignalOutbox outbox,
    ICallStore store,
    GraphCallSignaling signaling,
    CallRegistry calls,
    TimeProvider time,
    ILogger<SignalOutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(60, 2 * Math.Pow(2, Math.Max(0, attempt - 1))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Poll, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, ex);
                await Task.Delay(Poll, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    internal async Task RunDueAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await outbox.GetDueAsync(time.GetUtcNow(), 50, cancellationToken).ConfigureAwait(false))
        {
            await RetryAsync(row, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RetryAsync(SignalOutboxRecord row, CancellationToken cancellationToken)
    {
        var action = Enum.Parse<SignalAction>(row.Action);
        if (await store.GetAsync(row.CallId, cancellationToken).ConfigureAwait(false) is not { } call)
        {
            await outbox.CompleteAsync(row.Id, OutboxStatus.Dead, "the call no longer exists", cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await signaling.SendOnceAsync(call, action, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await outbox.CompleteAsync(row.Id, OutboxStatus.Done, null, cancellationToken).ConfigureAwait(false);
            LogConfirmed(logger, row.CallId, action, row.Attempts + 1);
            await ReportAsync(row.CallId, new SignalingSucceeded(action), cancellationToken).ConfigureAwait(false);
            return;
        }

        var expired = time.GetUtcNow() >= row.Deadline;
        if (result.Deferred && !expired)
        {
            await outbox.RescheduleAsync(row.Id, time.GetUtcNow() + Backoff(row.Attempts + 1), result.Error ?? "", cancellationToken).ConfigureAwait(false);
            return;
        }

        var error = expired ? $"gave up after {row.Attempts + 1} attempts: {result.Error}" : result.Error ?? "refused";
        await outbox.CompleteAsync(row.Id, OutboxStatus.Dead, error, cancellationToken).ConfigureAwait(false);
        LogGaveUp(logger, row.CallId, action, error);
        await ReportAsync(row.CallId, new SignalingFailed(action, error, result.MetaErrorCode, true), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportAsync(string callId, CallEvent result, CancellationToken cancellationToken) =>
        await calls.SendAsync(callId, result, cancellationToken).ConfigureAwait(false);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Outbox: {Action} of {CallId} confirmed after {Attempts} attempts")]
    private static partial void LogConfirmed(ILogger logger, string callId, SignalAction action, int attempts);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Outbox: {Action} of {CallId} failed for good: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string callId, SignalAction action, string error);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);
}
