using CallGateway.Media;
using CallGateway.Media.Sdp;
using CallGateway.Meta;
using CallGateway.Sandbox.Delivery;
using CallGateway.Media.Audio;
using CallGateway.Sandbox.Devices;
using CallGateway.Sandbox.Graph;
using CallGateway.Sandbox.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallGateway.Sandbox.Calls;

/// <summary>
/// Meta's side of a call: applies the Calling API's rules to Graph requests, drives the simulated phones (media
/// through an ICE-lite engine, like Meta's edge) and sends the webhooks Meta would send.
/// </summary>
public sealed partial class MetaSimulator(
    SandboxCallStore calls,
    SandboxUsers users,
    WebhookSender webhooks,
    [FromKeyedServices(SandboxServiceKeys.EdgeMediaEngine)] IMediaEngine edge,
    IOptionsMonitor<SandboxOptions> options,
    IOptionsMonitor<MetaOptions> meta,
    TimeProvider time,
    ILogger<MetaSimulator> logger)
{
    public const int MaxBizOpaqueLength = 512;

    public SandboxOptions Options => options.CurrentValue;

    public string PhoneNumberId => meta.CurrentValue.PhoneNumberId is { Length: > 0 } id ? id : options.CurrentValue.DefaultPhoneNumberId;

    private MetaWebhookBuilder Webhook => new("900000000000001", PhoneNumberId, options.CurrentValue.BusinessNumber, time);

    /// <summary>Finds a call or answers like Graph does for an unknown id.</summary>
    public SandboxCall RequireCall(string? callId) =>
        string.IsNullOrWhiteSpace(callId)
            ? throw SandboxGraphException.InvalidParameter("The parameter call_id is required.")
            : calls.Find(callId) ?? throw SandboxGraphException.InvalidParameter($"Invalid call-id '{callId}'.");

    /// <summary>Checks an SDP the way Meta does before accepting it: RFC 8866, ICE credentials, fingerprint, Opus.</summary>
    public static RemoteMediaParameters RequireUsableSdp(string? sdp, string what)
    {
        if (string.IsNullOrWhiteSpace(sdp))
        {
            throw SandboxGraphException.InvalidParameter($"Invalid Connection info: {what} SDP is required.");
        }

        if (!SdpParser.TryParse(sdp, out var parsed, out var error) || !RemoteMediaParameters.TryExtract(parsed, out var media, out error))
        {
            throw SandboxGraphException.InvalidParameter($"Invalid Connection info: {what} SDP is not valid ({error}).");
        }

        if (media.Opus is null)
        {
            throw SandboxGraphException.InvalidParameter($"Invalid Connection info: {what} SDP must offer opus/48000/2.");
        }

        return media;
    }

    private async Task EndAsync(SandboxCall call, SandboxCallStatus status, string metaStatus, string endedBy, (int Code, string Message)? error = null)
    {
        call.Status = status;
        call.EndedAt = time.GetUtcNow();
        call.EndedBy = endedBy;
        await call.Timeout.CancelAsync().ConfigureAwait(false);
        var (from, to) = call.UserInitiated ? (call.UserNumber, call.BusinessNumber) : (call.BusinessNumber, call.UserNumber);
        webhooks.Enqueue("terminate", call.Id, Webhook.Terminate(call.Id, from, to, call.UserInitiated, metaStatus, call.StartedAt, call.EndedAt, call.BizOpaqueCallbackData, error));
        await CloseMediaAsync(call).ConfigureAwait(false);
        LogEnded(logger, call.Id, status, endedBy);
    }

    private static async Task CloseMediaAsync(SandboxCall call)
    {
        var media = call.Media;
        call.Media = null;
        if (media is not null)
        {
            await media.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void StartTalking(SandboxCall call, SandboxUser user)
    {
        if (call.Media is not { } media)
        {
            return;
        }

        var hz = user.ToneHz ?? options.CurrentValue.ToneHz;
        media.SetSource(hz > 0 ? new ToneSource(media.SampleRate, hz, options.CurrentValue.ToneAmplitude) : null);
        media.StartSending();
    }

    private static MediaSessionRequest PhoneRequest(SandboxCall call) => new("sandbox:" + call.Id, new PhoneObserver(call));

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> unless the call's timer is cancelled.</summary>
    private void After(SandboxCall call, TimeSpan delay, Func<Task> action) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, time, call.Timeout.Token).ConfigureAwait(false);
                await action().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogBackgroundFailed(logger, ex, call.Id);
            }
        });

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Sandbox call {CallId} ended: {Status} by {EndedBy}")]
    private static partial void LogEnded(ILogger logger, string callId, SandboxCallStatus status, string endedBy);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Sandbox background step of call {CallId} failed")]
    private static partial void LogBackgroundFailed(ILogger logger, Exception ex, string callId);
}
