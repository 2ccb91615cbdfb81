using CallGateway.Calls.Actors;
using CallGateway.Calls.Events;

namespace CallGateway.Hosting;

/// <summary>
/// Graceful shutdown: once the host stops, admission is already closed (readiness false, new calls rejected); this
/// ends every live call through the API, in parallel, within the host's shutdown timeout. An end Meta does not
/// confirm in time stays in the outbox and is retried at the next start.
/// </summary>
public sealed partial class CallShutdownService(CallRegistry calls, ILogger<CallShutdownService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var live = calls.Actors.Where(a => !a.State.IsTerminal).ToList();
        if (live.Count == 0)
        {
            return;
        }

        LogDraining(logger, live.Count);
        var endings = live.Select(actor => EndAsync(actor.CallId, cancellationToken));
        await Task.WhenAll(endings).ConfigureAwait(false);
        var ended = live.Count(a => a.State.IsTerminal);
        LogDrained(logger, ended, live.Count);
    }

    private async Task EndAsync(string callId, CancellationToken cancellationToken)
    {
        try
        {
            await calls.SendAsync(callId, new ShutdownRequested("the gateway is shutting down"), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or CallActorClosedException)
        {
            LogNotEnded(logger, callId, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Shutting down: ending {Count} live call(s) through the API")]
    private static partial void LogDraining(ILogger logger, int count);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Shutdown: {Ended} of {Count} call(s) ended")]
    private static partial void LogDrained(ILogger logger, int ended, int count);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Shutdown: call {CallId} not ended in time ({Reason}); the outbox retries at the next start")]
    private static partial void LogNotEnded(ILogger logger, string callId, string reason);
}
