using System.Net.WebSockets;
using CallGateway.Events;
using Microsoft.Extensions.Options;

namespace CallGateway.MediaApps;

/// <summary>Dials the configured media stream WebSocket for a connected call and runs the stream over it.</summary>
public sealed partial class MediaStreamDialer(
    CallMediaAppsRegistry apps,
    CallEventBus events,
    IOptions<MediaAppsOptions> options,
    TimeProvider time,
    ILogger<MediaStreamDialer> logger)
{
    public void Dial(Uri url, string callId, CancellationToken cancellationToken) =>
        _ = Task.Run(() => DialAsync(url, callId, cancellationToken), CancellationToken.None);

    private async Task DialAsync(Uri url, string callId, CancellationToken cancellationToken)
    {
        var (callApps, _, problem) = await apps.GetAsync(callId, cancellationToken).ConfigureAwait(false);
        if (callApps is null)
        {
            LogDialFailed(logger, callId, problem ?? "no media");
            return;
        }

        using var socket = new ClientWebSocket();
        var target = new UriBuilder(url) { Query = AppendQuery(url.Query, $"callId={Uri.EscapeDataString(callId)}") }.Uri;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(target, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            LogDialFailed(logger, callId, ex.Message);
            return;
        }

        if (await apps.CallStateAsync(callId, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return;
        }

        var session = new MediaStreamSession(socket, callApps, CallEventBus.Describe(state), options.Value.StreamSampleRate, events, time, logger);
        await session.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string AppendQuery(string query, string parameter) =>
        string.IsNullOrEmpty(query) || query == "?" ? parameter : query.TrimStart('?') + "&" + parameter;

    [LoggerMessage(EventId = 7201, Level = LogLevel.Warning, Message = "Media stream for {CallId} not dialled: {Reason}")]
    private static partial void LogDialFailed(ILogger logger, string callId, string reason);
}
