using CallGateway.Events;
using CallGateway.Media.Audio;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using CallGateway.Api;

namespace CallGateway.MediaApps;

/// <summary>Audio actions on a connected call: play, record, echo, DTMF, and the WebSocket media stream.</summary>
public static class MediaAppsEndpoints
{
    private static readonly string[] WavTypes = ["audio/wav", "audio/x-wav", "audio/wave", "application/octet-stream"];

    public static IEndpointRouteBuilder MapMediaAppsEndpoints(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup("/api/calls/{id}").WithTags("Call audio");
        calls.MapPost("/play", PlayAsync).WithName("Play").Accepts<PlayRequest>("application/json", "audio/wav")
            .WithSummary("Play a server-side prompt ({\"prompt\":\"name\"}) or an uploaded WAV (audio/wav body, ?loop=true) into the call")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        calls.MapDelete("/play", StopPlaybackAsync).WithName("StopPlayback").WithSummary("Stop what is playing").ProducesProblem(404).ProducesProblem(409);
        calls.MapPost("/recording", StartRecordingAsync).WithName("StartRecording")
            .WithSummary("Record both directions to a stereo WAV (left: the WhatsApp user, right: the business)").ProducesProblem(404).ProducesProblem(409);
        calls.MapDelete("/recording", StopRecordingAsync).WithName("StopRecording").WithSummary("Stop recording; the file becomes downloadable").ProducesProblem(404);
        calls.MapGet("/recording", DownloadRecording).WithName("DownloadRecording").WithSummary("Download the call's recording (audio/wav)")
            .Produces(200, contentType: "audio/wav").ProducesProblem(404);
        calls.MapPut("/echo", SetEchoAsync).WithName("Echo").WithSummary("Line test: play back what the caller says").ProducesProblem(404).ProducesProblem(409);
        calls.MapPost("/dtmf", SendDtmfAsync).WithValidation<DtmfRequest>().WithName("SendDtmf").WithSummary("Send DTMF digits (RFC 4733) to the caller")
            .ProducesProblem(404).ProducesProblem(409);
        calls.MapGet("/media", MediaStreamEndpoint.AcceptAsync).WithName("MediaStream")
            .WithSummary("WebSocket media stream (see docs/media-streams.md): caller audio out, audio to play in, marks, clear, DTMF");
        return app;
    }

    internal static async Task<Results<Accepted<PlaybackResponse>, ProblemHttpResult>> PlayAsync(
        string id, HttpRequest request, bool? loop, CallMediaAppsRegistry registry, IOptions<MediaAppsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        var rate = apps.Media.SampleRate;
        if (request.ContentType is { } type && WavTypes.Any(t => type.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            var body = await ReadBodyAsync(request, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return TypedResults.Problem(statusCode: 413, title: "WAV too large", detail: $"Uploads are limited to {options.Value.MaxUploadBytes} bytes.");
            }

            return Start(apps, body, rate, loop ?? false, "upload");
        }

        var play = await request.ReadFromJsonAsync<PlayRequest>(cancellationToken).ConfigureAwait(false);
        var validation = play is null ? null : await services.GetRequiredService<PlayRequestValidator>().ValidateAsync(play, cancellationToken).ConfigureAwait(false);
        if (play is null || validation is { IsValid: false })
        {
            return TypedResults.Problem(statusCode: 400, title: "The request is invalid",
                detail: validation?.Errors.FirstOrDefault()?.ErrorMessage ?? "Send {\"prompt\":\"name\"} or an audio/wav body.");
        }

        var path = Path.Combine(options.Value.PromptsFolder, play.Prompt + ".wav");
        if (!File.Exists(path))
        {
            return TypedResults.Problem(statusCode: 404, title: "Prompt not found", detail: $"No prompt '{play.Prompt}' in the prompts folder.");
        }

        return Start(apps, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), rate, play.Loop, play.Prompt!);
    }

    private static Results<Accepted<PlaybackResponse>, ProblemHttpResult> Start(CallMediaApps apps, byte[] wav, int rate, bool loop, string source)
    {
        WavPlayer player;
        try
        {
            using var stream = new MemoryStream(wav);
            player = WavPlayer.FromWav(stream, rate, loop);
        }
        catch (InvalidDataException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Not a playable WAV", detail: ex.Message);
        }

        apps.Play(player);
        return TypedResults.Accepted((string?)null, new PlaybackResponse(apps.CallId, source, Math.Round(player.Duration(rate).TotalSeconds, 3), loop));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> StopPlaybackAsync(string id, CallMediaAppsRegistry registry, CancellationToken cancellationToken)
    {
        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        apps.StopPlayback();
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Accepted<RecordingResponse>, ProblemHttpResult>> StartRecordingAsync(string id, CallMediaAppsRegistry registry, CancellationToken cancellationToken)
    {
        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        if (!apps.StartRecording(registry.RecordingPath(id)!))
        {
            return TypedResults.Problem(statusCode: 409, title: "Already recording", detail: "Stop the current recording first.");
        }

        return TypedResults.Accepted($"/api/calls/{id}/recording", new RecordingResponse(id, true, null, null, null));
    }

    internal static async Task<Results<Ok<RecordingResponse>, ProblemHttpResult>> StopRecordingAsync(
        string id, CallMediaAppsRegistry registry, CancellationToken cancellationToken)
    {
        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        if (await apps.StopRecordingAsync().ConfigureAwait(false) is not { } result)
        {
            return TypedResults.Problem(statusCode: 409, title: "Not recording", detail: "Nothing is being recorded on this call.");
        }

        if (await registry.CallStateAsync(id, cancellationToken).ConfigureAwait(false) is { } state)
        {
            registry.AnnounceRecording(CallEventBus.Describe(state), result.Duration);
        }

        return TypedResults.Ok(new RecordingResponse(id, false, $"/api/calls/{id}/recording", Math.Round(result.Duration.TotalSeconds, 2), result.Bytes));
    }

    internal static Results<PhysicalFileHttpResult, ProblemHttpResult> DownloadRecording(string id, CallMediaAppsRegistry registry)
    {
        var path = registry.RecordingPath(id);
        return path is not null && File.Exists(path)
            ? TypedResults.PhysicalFile(path, "audio/wav", $"{id}.wav")
            : TypedResults.Problem(statusCode: 404, title: "No recording", detail: $"Call '{id}' has no finished recording.");
    }

    internal static async Task<Results<Ok<EchoRequest>, ProblemHttpResult>> SetEchoAsync(string id, EchoRequest request, CallMediaAppsRegistry registry, CancellationToken cancellationToken)
    {
        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        apps.SetEcho(request.Enabled);
        return TypedResults.Ok(request);
    }

    internal static async Task<Results<Accepted, ProblemHttpResult>> SendDtmfAsync(string id, DtmfRequest request, CallMediaAppsRegistry registry, CancellationToken cancellationToken)
    {
        var (apps, status, problem) = await registry.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (apps is null)
        {
            return TypedResults.Problem(statusCode: status, title: "No audio for this call", detail: problem);
        }

        try
        {
            apps.Media.SendDtmf(request.Digits!);
            return TypedResults.Accepted((string?)null);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(statusCode: 409, title: "DTMF not possible", detail: ex.Message);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
