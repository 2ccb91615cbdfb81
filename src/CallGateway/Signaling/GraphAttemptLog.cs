using System.Threading.Channels;
using CallGateway.Meta.Graph;
using CallGateway.Persistence.Entities;
using CallGateway.Persistence.Signaling;

namespace CallGateway.Signaling;

/// <summary>
/// Records every Graph attempt made for a call (its history of requests to Meta), written in batches in the
/// background so the Graph pipeline never waits for the database.
/// </summary>
public sealed partial class GraphAttemptLog(ISignalAttemptStore store, ILogger<GraphAttemptLog> logger) : BackgroundService, IGraphAttemptObserver
{
    private readonly Channel<GraphAttempt> _pending = Channel.CreateBounded<GraphAttempt>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void OnAttempt(GraphAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.CallId is not null)
        {
            _pending.Writer.TryWrite(attempt);
        }
    }

    /// <summary>Waits until everything recorded so far is written (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_pending.Reader.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SignalAttemptRecord>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < 100 && _pending.Reader.TryRead(out var attempt))
                {
                    batch.Add(new SignalAttemptRecord
                    {
                        CallId = attempt.CallId!,
                        Operation = attempt.Operation,
                        Attempt = attempt.Attempt,
                        At = attempt.At,
                        DurationMs = (int)attempt.Duration.TotalMilliseconds,
                        Status = attempt.Status,
                        Error = attempt.Error is { Length: > 500 } e ? e[..500] : attempt.Error,
                    });
                }

                await WriteAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(List<SignalAttemptRecord> batch)
    {
        try
        {
            await store.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(logger, ex, batch.Count);
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Could not record {Count} Graph attempts")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, int count);
}
