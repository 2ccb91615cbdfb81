using System.Globalization;
using System.Text;

namespace CallGateway.Events;

/// <summary><c>GET /api/events</c>: Server-Sent Events of every call (or one call), resumable with Last-Event-ID.</summary>
public static class EventsEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", StreamAsync).WithTags("Events").WithName("StreamEvents")
            .WithSummary("Server-Sent Events: call.ringing, call.accepted, call.connected, call.dtmf, call.terminated, recording.ready")
            .WithDescription("Each event has id (the gateway-wide sequence number), event (its type) and data (JSON). Filter with ?callId=; "
                + "reconnect with the Last-Event-ID header (or ?after=) to receive what you missed (the last 1000 events are kept).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    internal static async Task StreamAsync(HttpContext http, CallEventBus bus, string? callId, long? after, CancellationToken cancellationToken)
    {
        var resumeFrom = after ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : null);
        using var subscription = bus.Subscribe(callId, resumeFrom);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync(": connected\n\n", cancellationToken).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(KeepAlive);
                string frame;
                try
                {
                    var message = await subscription.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                    frame = Format(message);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    frame = ": keep-alive\n\n";
                }

                await http.Response.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static string Format(CallEventMessage message) =>
        new StringBuilder()
            .Append("id: ").Append(message.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(message.Type).Append('\n')
            .Append("data: ").Append(EventJson.Serialize(message)).Append("\n\n")
            .ToString();
}
