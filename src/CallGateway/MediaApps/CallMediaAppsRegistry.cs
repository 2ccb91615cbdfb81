using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CallGateway.Calls.Actors;
using CallGateway.Calls.Model;
using CallGateway.Events;
using Microsoft.Extensions.Options;

namespace CallGateway.MediaApps;

/// <summary>The media apps of live calls, created on first use and disposed (recordings finished) when the call ends.</summary>
public sealed partial class CallMediaAppsRegistry(CallRegistry calls, CallEventBus events, IOptions<MediaAppsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CallMediaApps> _apps = new(StringComparer.Ordinal);

    /// <summary>The call's apps, or why there are none: no such call (404), or it is not connected (409).</summary>
    public async Task<(CallMediaApps? Apps, int Status, string? Problem)> GetAsync(string callId, CancellationToken cancellationToken)
    {
        if (_apps.TryGetValue(callId, out var existing))
        {
            return (existing, 200, null);
        }

        var actor = await calls.FindAsync(callId, cancellationToken).ConfigureAwait(false);
        if (actor is null)
        {
            return (null, StatusCodes.Status404NotFound, $"No call with id '{callId}'.");
        }

        if (actor.State.Status is not (CallStatus.Accepted or CallStatus.Connected) || actor.Media is not { } media)
        {
            return (null, StatusCodes.Status409Conflict, $"The call is {actor.State.Status}: audio actions need an answered call.");
        }

        return (_apps.GetOrAdd(callId, id => new CallMediaApps(id, media, time)), 200, null);
    }

    /// <summary>The call's current state (live or stored).</summary>
    public async Task<CallState?> CallStateAsync(string callId, CancellationToken cancellationToken) =>
        (await calls.FindAsync(callId, cancellationToken).ConfigureAwait(false))?.State;

    /// <summary>The recording file of a call (finished or in progress), if any.</summary>
    public string? RecordingPath(string callId) =>
        CallIdPattern().IsMatch(callId) ? Path.GetFullPath(Path.Combine(options.Value.RecordingsFolder, callId + ".wav")) : null;

    /// <summary>The call ended: stop its apps; a recording in progress is finished and announced.</summary>
    public async Task OnCallEndedAsync(CallEventData call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_apps.TryRemove(call.CallId, out var apps))
        {
            return;
        }

        var recording = await apps.StopRecordingAsync().ConfigureAwait(false);
        await apps.DisposeAsync().ConfigureAwait(false);
        if (recording is not null)
        {
            AnnounceRecording(call, recording.Duration);
        }
    }

    public void AnnounceRecording(CallEventData call, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(call);
        events.Publish("recording.ready", call with { RecordingUrl = $"/api/calls/{call.CallId}/recording", RecordingSeconds = Math.Round(duration.TotalSeconds, 2) });
    }

    [GeneratedRegex("^call_[0-9a-f]{32}$")]
    private static partial Regex CallIdPattern();
}
