using CallGateway.Calls.Commands;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Media;
using Microsoft.Extensions.Logging;

namespace CallGateway.Calls.Actors;

public sealed partial class CallActor : IMediaSessionObserver
{
    /// <summary>Runs one command; returns the event that reports its result, if any.</summary>
    private async Task<CallEvent?> ExecuteAsync(CallCommand command)
    {
        switch (command)
        {
            case CreateMediaAnswer answer:
                return await CreateMediaAsync(ct => _context.Media.CreateAnswerAsync(NewMediaRequest(), answer.OfferSdp, ct), sdp => new MediaAnswerCreated(sdp)).ConfigureAwait(false);
            case CreateMediaOffer:
                return await CreateMediaAsync(ct => _context.Media.CreateOfferAsync(NewMediaRequest(), ct), sdp => new MediaOfferCreated(sdp)).ConfigureAwait(false);
            case ApplyRemoteAnswer apply:
                return await ApplyRemoteAnswerAsync(apply.AnswerSdp).ConfigureAwait(false);
            case StartMediaFlow:
                _media?.StartSending();
                return null;
            case CloseMedia:
                await CloseMediaAsync().ConfigureAwait(false);
                return null;
            case SendSignal signal:
                return await SignalAsync(signal.Action).ConfigureAwait(false);
            case StartTimer timer:
                _timer?.Dispose();
                _timer = _context.Time.CreateTimer(_ => Post(new TimerElapsed(timer.Kind)), null, timer.Due, Timeout.InfiniteTimeSpan);
                return null;
            case CancelTimer:
                _timer?.Dispose();
                _timer = null;
                return null;
            case PublishNotification publish:
                _context.Notifications.Publish(new CallNotification(publish.Type, _state, _context.Time.GetUtcNow()));
                return null;
            default:
                throw new InvalidOperationException($"Unknown command {command.GetType().Name}.");
        }
    }

    private MediaSessionRequest NewMediaRequest() => new(CallId, this);

    private async Task<CallEvent> CreateMediaAsync(Func<CancellationToken, Task<IMediaSession>> create, Func<string, CallEvent> created)
    {
        try
        {
            await CloseMediaAsync().ConfigureAwait(false);
            _media = await create(CancellationToken.None).ConfigureAwait(false);
            return created(_media.LocalSdp);
        }
        catch (MediaNegotiationException ex)
        {
            LogMediaSetupFailed(_context.Logger, ex.Message);
            return new MediaSetupFailed(ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMediaSetupError(_context.Logger, ex);
            return new MediaSetupFailed($"media session could not be created: {ex.Message}");
        }
    }

    private async Task<CallEvent> ApplyRemoteAnswerAsync(string answerSdp)
    {
        if (_media is null)
        {
            return new MediaSetupFailed("no media session to apply the answer to");
        }

        try
        {
            await _media.ApplyRemoteAnswerAsync(answerSdp, CancellationToken.None).ConfigureAwait(false);
            return new RemoteAnswerApplied();
        }
        catch (MediaNegotiationException ex)
        {
            LogMediaSetupFailed(_context.Logger, ex.Message);
            return new MediaSetupFailed(ex.Message);
        }
    }

    private async Task<CallEvent> SignalAsync(SignalAction action)
    {
        var result = await _context.Signaling.SendAsync(_state, action, CancellationToken.None).ConfigureAwait(false);
        return result switch
        {
            { Succeeded: true } => new SignalingSucceeded(action, result.MetaCallId),
            { Deferred: true } => new SignalingDeferred(action, result.Error ?? "retrying"),
            _ => new SignalingFailed(action, result.Error ?? "unknown error", result.MetaErrorCode, result.MayHaveReachedMeta),
        };
    }

    private async Task CloseMediaAsync()
    {
        var media = _media;
        _media = null;
        if (media is not null)
        {
            await media.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The media session this actor currently owns (null before it is created and after the call ends).</summary>
    public IMediaSession? Media => _media;

    void IMediaSessionObserver.OnStateChanged(IMediaSession session, MediaSessionState state, string? reason)
    {
        switch (state)
        {
            case MediaSessionState.Connected:
                Post(new MediaConnected());
                break;
            case MediaSessionState.Failed:
                Post(new MediaFailed(reason ?? "media failed"));
                break;
            case MediaSessionState.Disconnected:
                Post(new MediaDisconnected(reason ?? "media closed by the peer"));
                break;
        }
    }

    void IMediaSessionObserver.OnDtmf(IMediaSession session, char digit, TimeSpan duration)
    {
        var data = new Dictionary<string, string>
        {
            ["digit"] = digit.ToString(),
            ["durationMs"] = ((int)duration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        _context.Notifications.Publish(new CallNotification(CallNotifications.Dtmf, State, _context.Time.GetUtcNow(), data));
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Media negotiation failed: {Reason}")]
    private static partial void LogMediaSetupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Media session could not be created")]
    private static partial void LogMediaSetupError(ILogger logger, Exception ex);
}
