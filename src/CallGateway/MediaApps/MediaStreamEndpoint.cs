using CallGateway.Events;
using Microsoft.Extensions.Options;

namespace CallGateway.MediaApps;

/// <summary><c>GET /api/calls/{id}/media</c>: accepts the WebSocket and runs the media stream protocol on it.</summary>
internal static class MediaStreamEndpoint
{
    public static async Task<IResult> AcceptAsync(
        string id, int? sampleRate, HttpContext http, CallMediaAppsRegistry registry, CallEventBus events,
        IOptions<MediaAppsOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: 400, title: "WebSocket required", detail: "Connect with a WebSocket client (Upgrade: websocket).");
        }

        var rate = sampleRate ?? options.Value.StreamSampleRate;
        if (rate is not (16000 or 8000))
        {
            return TypedResults.Problem(statusCode: 400, title: "Unsupported sample rate", detail: "sampleRate is 16000 or 8000.");
        }

        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null || await registry.CallStateAsync(id, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var session = new MediaStreamSession(socket, apps, CallEventBus.Describe(state), rate, events, time, loggers.CreateLogger<MediaStreamSession>());
        await session.RunAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Empty;
    }
}
