using System.Threading.Channels;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Media;
using Microsoft.Extensions.Logging;

namespace CallGateway.Calls.Actors;

/// <summary>
/// One call's actor: a single reader over a queue of events. Each event runs through the pure state machine, the
/// new state is saved, then the commands run; their results are handled immediately, before the next queued event.
/// The actor owns the call's media session and timer. This is the unit a per-call Orleans grain would host.
/// </summary>
public sealed partial class CallActor : IAsyncDisposable
{
    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CallActorContext _context;
    private readonly Action<CallActor, CallState, CallState> _onStateChanged;
    private readonly Task _loop;
    private CallState _state;
    private IMediaSession? _media;
    private ITimer? _timer;

    internal CallActor(CallState initial, CallActorContext context, Action<CallActor, CallState, CallState> onStateChanged)
    {
        _state = initial;
        _context = context;
        _onStateChanged = onStateChanged;
        _loop = Task.Run(RunAsync);
    }

    public string CallId => _state.Id;

    /// <summary>The latest state (read from any thread).</summary>
    public CallState State => Volatile.Read(ref _state);

    /// <summary>Queues an event and completes when it (and everything it caused) has been handled.</summary>
    /// <exception cref="CallActorClosedException">The actor finished; the registry retries on a fresh one.</exception>
    public Task<CallTransitionResult> PostAsync(CallEvent evt)
    {
        var completion = new TaskCompletionSource<CallTransitionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Envelope(evt, completion)))
        {
            throw new CallActorClosedException();
        }

        return completion.Task;
    }

    /// <summary>Queues an event without waiting (media callbacks, timers).</summary>
    public void Post(CallEvent evt)
    {
        if (!_queue.Writer.TryWrite(new Envelope(evt, null)))
        {
            LogDropped(_context.Logger, CallId, evt.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await CloseMediaAsync().ConfigureAwait(false);
        _timer?.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var envelope in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            using var scope = _context.Logger.BeginScope(new Dictionary<string, object?> { ["CallId"] = CallId, ["MetaCallId"] = _state.MetaCallId });
            try
            {
                var result = await HandleAsync(envelope.Event).ConfigureAwait(false);
                envelope.Completion?.TrySetResult(result);
            }
            catch (Exception ex)
            {
                LogHandlerFailed(_context.Logger, ex, envelope.Event.Name);
                envelope.Completion?.TrySetException(ex);
            }

            if (_state.IsTerminal && !_queue.Reader.TryPeek(out _))
            {
                // Finished and idle: stop accepting events; late ones go to a fresh actor loaded from the store.
                _queue.Writer.TryComplete();
            }
        }
    }

    private async Task<CallTransitionResult> HandleAsync(CallEvent evt)
    {
        var before = _state;
        var policy = _context.Policy;
        var result = CallStateMachine.Transition(before, evt, policy, _context.Time.GetUtcNow());
        if (result.Refused)
        {
            LogRefused(_context.Logger, evt.Name, before.Status, result.RefusedReason);
            return result;
        }

        await _context.Store.SaveAsync(result.State, result.Transition, CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _state, result.State);
        if (result.Transition is { } t)
        {
            LogTransition(_context.Logger, t.From, t.To, t.Trigger, t.Detail ?? "-");
        }

        _onStateChanged(this, before, result.State);
        foreach (var command in result.Commands)
        {
            var followUp = await ExecuteAsync(command).ConfigureAwait(false);
            if (followUp is not null)
            {
                await HandleAsync(followUp).ConfigureAwait(false);
            }
        }

        return result;
    }

    private sealed record Envelope(CallEvent Event, TaskCompletionSource<CallTransitionResult>? Completion);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Call {From} -> {To} on {Trigger} ({Detail})")]
    private static partial void LogTransition(ILogger logger, CallStatus from, CallStatus to, string trigger, string? detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "{Event} not applied in {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string @event, CallStatus status, string? reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Handling {Event} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string @event);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Call {CallId} is closed; {Event} dropped")]
    private static partial void LogDropped(ILogger logger, string callId, string @event);
}
