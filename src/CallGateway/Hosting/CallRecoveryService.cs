using CallGateway.Calls.Actors;
using CallGateway.Calls.Events;
using CallGateway.Calls.Ports;

namespace CallGateway.Hosting;

/// <summary>
/// Crash recovery at start: a call still open in the store was left by a previous run that died (kill -9, power
/// loss). Its media is gone with that process and the Calling API has no way to re-offer, so the only safe move is
/// to end it through the API and close its record with a reason.
/// </summary>
/// <remarks>Single replica: every open call at start is an orphan. With several replicas this must only take calls
/// whose owner is dead (the per-call grain's placement will tell).</remarks>
public sealed partial class CallRecoveryService(ICallStore store, CallRegistry calls, ILogger<CallRecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var orphans = await store.ListAsync(new CallQuery(OpenOnly: true, Limit: 500), cancellationToken).ConfigureAwait(false);
        if (orphans.Count == 0)
        {
            return;
        }

        LogRecovering(logger, orphans.Count);
        foreach (var orphan in orphans)
        {
            await calls.SendAsync(orphan.Id, new ShutdownRequested("the gateway restarted and the call's media was lost"), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Recovery: {Count} call(s) were left open by a previous run; ending them through the API")]
    private static partial void LogRecovering(ILogger logger, int count);
}
