using System.Collections.Concurrent;
using CallGateway.Calls.Events;
using CallGateway.Calls.Model;

namespace CallGateway.Calls.Actors;

/// <summary>
/// Finds or creates the actor of a call, by our id or by Meta's wacid. Live calls stay in memory; an ended call's
/// actor is dropped once idle and recreated from the store if a late event arrives for it.
/// </summary>
public sealed class CallRegistry(CallActorContext context) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CallActor> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByMetaCallId = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _createLock = new(1, 1);

    /// <summary>Calls currently held in memory (live calls and calls that just ended).</summary>
    public IReadOnlyCollection<CallActor> Actors => _byId.Values.ToArray();

    /// <summary>Places an outbound call: creates its record and starts dialing.</summary>
    public async Task<CallTransitionResult> StartOutboundAsync(DialRequested dial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dial);
        var state = new CallState { Id = CallIds.New(), Direction = CallDirection.Outbound, CreatedAt = context.Time.GetUtcNow() };
        var actor = Track(new CallActor(state, context, OnStateChanged));
        return await actor.PostAsync(dial).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends an API request or internal event to a call by our id; null when no such call exists.</summary>
    public async Task<CallTransitionResult?> SendAsync(string callId, CallEvent evt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var actor = await FindAsync(callId, cancellationToken).ConfigureAwait(false);
            if (actor is null)
            {
                return null;
            }

            try
            {
                return await actor.PostAsync(evt).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CallActorClosedException)
            {
                _byId.TryRemove(new KeyValuePair<string, CallActor>(callId, actor));
            }
        }

        throw new CallActorClosedException($"Call {callId} kept closing while an event was delivered.");
    }

    /// <summary>
    /// Delivers a webhook event to the call with this wacid. When no call is known, <paramref name="create"/> makes
    /// one (an inbound connect, or a terminate that becomes a tombstone); without it the result is null.
    /// </summary>
    public async Task<CallTransitionResult?> SendToMetaCallAsync(string metaCallId, CallEvent evt, Func<DateTimeOffset, CallState>? create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var actor = await FindByMetaCallIdAsync(metaCallId, create, cancellationToken).ConfigureAwait(false);
            if (actor is null)
            {
                return null;
            }

            try
            {
                return await actor.PostAsync(evt).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CallActorClosedException)
            {
                _byId.TryRemove(new KeyValuePair<string, CallActor>(actor.CallId, actor));
            }
        }

        throw new CallActorClosedException($"Call {metaCallId} kept closing while an event was delivered.");
    }

    /// <summary>The call's actor, loaded from the store when it is not in memory.</summary>
    public async Task<CallActor?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(callId, out var live))
        {
            return live;
        }

        var stored = await context.Store.GetAsync(callId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : await AdoptAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var actor in _byId.Values)
        {
            await actor.DisposeAsync().ConfigureAwait(false);
        }

        _byId.Clear();
        _createLock.Dispose();
    }

    private async Task<CallActor?> FindByMetaCallIdAsync(string metaCallId, Func<DateTimeOffset, CallState>? create, CancellationToken cancellationToken)
    {
        if (_idByMetaCallId.TryGetValue(metaCallId, out var id) && _byId.TryGetValue(id, out var live))
        {
            return live;
        }

        // Read the store outside the lock (lookups of different calls run in parallel); the lock only guards the
        // check-and-track below, so two lookups of the same call still end with one actor.
        var stored = await context.Store.FindByMetaCallIdAsync(metaCallId, cancellationToken).ConfigureAwait(false);
        await _createLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_idByMetaCallId.TryGetValue(metaCallId, out id) && _byId.TryGetValue(id, out live))
            {
                return live;
            }

            if (stored is not null && _byId.TryGetValue(stored.Id, out live))
            {
                return live;
            }

            var state = stored ?? create?.Invoke(context.Time.GetUtcNow());
            return state is null ? null : Track(new CallActor(state, context, OnStateChanged));
        }
        finally
        {
            _createLock.Release();
        }
    }

    private async Task<CallActor> AdoptAsync(CallState stored, CancellationToken cancellationToken)
    {
        await _createLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _byId.TryGetValue(stored.Id, out var live) ? live : Track(new CallActor(stored, context, OnStateChanged));
        }
        finally
        {
            _createLock.Release();
        }
    }

    private CallActor Track(CallActor actor)
    {
        _byId[actor.CallId] = actor;
        if (actor.State.MetaCallId is { } metaCallId)
        {
            _idByMetaCallId[metaCallId] = actor.CallId;
        }

        return actor;
    }

    private void OnStateChanged(CallActor actor, CallState before, CallState after)
    {
        if (after.MetaCallId is { } metaCallId && before.MetaCallId != metaCallId)
        {
            _idByMetaCallId[metaCallId] = after.Id;
        }

        if (after.IsTerminal)
        {
            // Keep the wacid mapping out of memory too: a late event reloads the record from the store.
            _byId.TryRemove(new KeyValuePair<string, CallActor>(after.Id, actor));
            if (after.MetaCallId is { } ended)
            {
                _idByMetaCallId.TryRemove(new KeyValuePair<string, string>(ended, after.Id));
            }
        }
    }
}
