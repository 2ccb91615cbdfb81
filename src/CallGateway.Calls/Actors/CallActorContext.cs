using CallGateway.Calls.Model;
using CallGateway.Calls.Ports;
using CallGateway.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallGateway.Calls.Actors;

/// <summary>The services every call actor shares.</summary>
public sealed class CallActorContext(
    ICallStore store,
    ICallSignaling signaling,
    IMediaEngine media,
    ICallNotificationSink notifications,
    IOptionsMonitor<CallsOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ICallAdmission? admission = null)
{
    public ICallStore Store { get; } = store;
    public ICallSignaling Signaling { get; } = signaling;
    public IMediaEngine Media { get; } = media;
    public ICallNotificationSink Notifications { get; } = notifications;
    public IOptionsMonitor<CallsOptions> Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = loggerFactory.CreateLogger("CallGateway.Calls.CallActor");

    /// <summary>The rules for the next event: configuration, plus whether new calls are admitted right now.</summary>
    public CallPolicy Policy => Options.CurrentValue.ToPolicy() with { AdmitNewCalls = admission?.AcceptingCalls ?? true };
}
