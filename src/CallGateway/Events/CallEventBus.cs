using System.Globalization;
using System.Threading.Channels;
using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;

namespace CallGateway.Events;

/// <summary>
/// Fans call notifications out to live subscribers (the SSE stream) and to the outgoing-webhook dispatcher. Publishing
/// never blocks the call's actor: each subscriber has its own queue; a subscriber that cannot keep up loses its
/// oldest events (and sees the gap in the sequence numbers). Recent events are kept so a reconnecting stream can
/// resume from Last-Event-ID.
/// </summary>
public sealed class CallEventBus(TimeProvider time) : ICallNotificationSink
{
    private const int Retained = 1000;
    private readonly Lock _gate = new();
    private readonly LinkedList<CallEventMessage> _recent = new();
    private readonly List<Subscription> _subscribers = [];
    private long _sequence;

    /// <summary>Call notifications from the actors.</summary>
    public void Publish(CallNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var data = Describe(notification.Call) with
        {
            Digit = notification.Data?.GetValueOrDefault("digit"),
            DtmfDurationMs = notification.Data?.TryGetValue("durationMs", out var ms) == true ? int.Parse(ms, CultureInfo.InvariantCulture) : null,
        };
        Publish(notification.Type, data, notification.At);
    }

    /// <summary>Publishes an event; returns it with its sequence number.</summary>
    public CallEventMessage Publish(string type, CallEventData data, DateTimeOffset? at = null)
    {
        CallEventMessage message;
        Subscription[] subscribers;
        lock (_gate)
        {
            var sequence = ++_sequence;
            message = new CallEventMessage("evt_" + Guid.CreateVersion7().ToString("N"), sequence, type, at ?? time.GetUtcNow(), data);
            _recent.AddLast(message);
            if (_recent.Count > Retained)
            {
                _recent.RemoveFirst();
            }

            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Offer(message);
        }

        return message;
    }

    /// <summary>
    /// Subscribes to events (optionally of one call), first replaying retained events after <paramref name="afterSequence"/>.
    /// Dispose the subscription to stop.
    /// </summary>
    public Subscription Subscribe(string? callId, long? afterSequence, int capacity = 1000)
    {
        var subscription = new Subscription(this, callId, capacity);
        lock (_gate)
        {
            if (afterSequence is { } after)
            {
                foreach (var message in _recent.Where(m => m.Sequence > after))
                {
                    subscription.Offer(message);
                }
            }

            _subscribers.Add(subscription);
        }

        return subscription;
    }

    public static CallEventData Describe(CallState call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CallEventData(call.Id, call.MetaCallId, call.Direction.ToString(), call.Status.ToString(), call.Peer,
            call.EndReason?.ToString(), call.Status == CallStatus.Terminated ? call.DurationSeconds ?? 0 : null,
            BizOpaqueCallbackData: call.BizOpaqueCallbackData);
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    /// <summary>One subscriber's queue of events.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly CallEventBus _bus;
        private readonly string? _callId;
        private readonly Channel<CallEventMessage> _channel;

        internal Subscription(CallEventBus bus, string? callId, int capacity)
        {
            _bus = bus;
            _callId = callId;
            _channel = Channel.CreateBounded<CallEventMessage>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        }

        public ChannelReader<CallEventMessage> Reader => _channel.Reader;

        internal void Offer(CallEventMessage message)
        {
            if (_callId is null || string.Equals(_callId, message.Data.CallId, StringComparison.Ordinal))
            {
                _channel.Writer.TryWrite(message);
            }
        }

        public void Dispose()
        {
            _bus.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
