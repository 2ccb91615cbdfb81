using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Meta.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallGateway.Meta.Graph;

/// <summary>
/// Typed HttpClient for the Graph API. The HttpClient's base address is the versioned Graph root
/// (<see cref="MetaOptions.VersionedBaseUri"/>); the bearer token is added by <see cref="GraphAuthHandler"/>.
/// Bodies carry SDP and are never logged.
/// </summary>
public sealed partial class MetaGraphClient(HttpClient http, IOptionsMonitor<MetaOptions> options, ILogger<MetaGraphClient> logger) : IMetaGraphClient
{
    /// <summary>Meta's limit for <c>biz_opaque_callback_data</c>.</summary>
    public const int MaxBizOpaqueCallbackDataLength = 512;

    private const string MessagingProduct = "whatsapp";

    public async Task<string> ConnectAsync(string recipient, string sdpOffer, string? bizOpaqueCallbackData, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        CheckOpaque(bizOpaqueCallbackData);
        var body = new CallActionRequest(MessagingProduct, recipient, null, CallAction.Connect.ToWire(), new CallSession("offer", sdpOffer), bizOpaqueCallbackData);
        var response = await SendCallActionAsync(CallAction.Connect, body, cancellationToken).ConfigureAwait(false);
        var id = response.Calls is { Count: > 0 } calls ? calls[0].Id : null;
        return string.IsNullOrWhiteSpace(id)
            ? throw new MetaGraphException("Graph connect succeeded but returned no call id.", HttpStatusCode.OK, null, false, true)
            : id;
    }

    public Task PreAcceptAsync(string callId, string sdpAnswer, CancellationToken cancellationToken) =>
        SendCallActionAsync(CallAction.PreAccept, new CallActionRequest(MessagingProduct, null, callId, CallAction.PreAccept.ToWire(), new CallSession("answer", sdpAnswer), null), cancellationToken);

    public Task AcceptAsync(string callId, string sdpAnswer, string? bizOpaqueCallbackData, CancellationToken cancellationToken)
    {
        CheckOpaque(bizOpaqueCallbackData);
        return SendCallActionAsync(CallAction.Accept, new CallActionRequest(MessagingProduct, null, callId, CallAction.Accept.ToWire(), new CallSession("answer", sdpAnswer), bizOpaqueCallbackData), cancellationToken);
    }

    public Task RejectAsync(string callId, CancellationToken cancellationToken) =>
        SendCallActionAsync(CallAction.Reject, new CallActionRequest(MessagingProduct, null, callId, CallAction.Reject.ToWire(), null, null), cancellationToken);

    public Task TerminateAsync(string callId, CancellationToken cancellationToken) =>
        SendCallActionAsync(CallAction.Terminate, new CallActionRequest(MessagingProduct, null, callId, CallAction.Terminate.ToWire(), null, null), cancellationToken);

    public async Task<CallPermissionsResponse> GetCallPermissionsAsync(string userWaId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userWaId);
        using var request = NewRequest(HttpMethod.Get, $"call_permissions?user_wa_id={Uri.EscapeDataString(userWaId)}", "call_permissions", idempotent: true);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, MetaJsonContext.Default.CallPermissionsResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new MetaGraphException("Graph call_permissions returned an empty body.", response.StatusCode, null, false, true);
    }

    public async Task<JsonElement> GetSettingsAsync(bool includeSipCredentials, CancellationToken cancellationToken)
    {
        var path = includeSipCredentials ? "settings?include_sip_credentials=true" : "settings";
        using var request = NewRequest(HttpMethod.Get, path, "settings/get", idempotent: true);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, MetaJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateSettingsAsync(JsonElement settings, CancellationToken cancellationToken)
    {
        // Settings replace whole sub-objects (call_hours, holiday_schedule), so repeating the same body is harmless.
        using var request = NewRequest(HttpMethod.Post, "settings", "settings/update", idempotent: true);
        request.Content = JsonContent.Create(settings, MetaJsonContext.Default.JsonElement);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> SendMessageAsync(JsonElement message, CancellationToken cancellationToken)
    {
        // A resent message would reach the user twice: never retried after an ambiguous failure.
        using var request = NewRequest(HttpMethod.Post, "messages", "messages", idempotent: false);
        request.Content = JsonContent.Create(message, MetaJsonContext.Default.JsonElement);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, MetaJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        return body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
               && messages.GetArrayLength() > 0 && messages[0].TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } wamid
            ? wamid
            : throw new MetaGraphException("Graph messages succeeded but returned no message id.", response.StatusCode, null, false, true);
    }

    private async Task<CallActionResponse> SendCallActionAsync(CallAction action, CallActionRequest body, CancellationToken cancellationToken)
    {
        if (action != CallAction.Connect)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(body.CallId);
        }

        using var request = NewRequest(HttpMethod.Post, "calls", "calls/" + action.ToWire(), action.IsIdempotent());
        request.Content = JsonContent.Create(body, MetaJsonContext.Default.CallActionRequest);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, MetaJsonContext.Default.CallActionResponse, cancellationToken).ConfigureAwait(false)
            ?? new CallActionResponse(null, true, null);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relativePath, string operation, bool idempotent)
    {
        var request = new HttpRequestMessage(method, new Uri($"{Uri.EscapeDataString(options.CurrentValue.PhoneNumberId)}/{relativePath}", UriKind.Relative));
        request.Options.Set(GraphRequestOptions.Idempotent, idempotent);
        request.Options.Set(GraphRequestOptions.Operation, operation);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(GraphRequestOptions.Operation, out var operation);
        request.Options.TryGetValue(GraphRequestOptions.Idempotent, out var idempotent);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            LogFailed(logger, operation, ex.HttpRequestError.ToString());
            var neverSent = GraphRetryPolicy.NeverSent(ex);
            throw new MetaGraphException($"Graph {operation} could not be sent: {ex.Message}", null, null, true, !neverSent, ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, operation, "timeout");
            throw new MetaGraphException($"Graph {operation} timed out.", null, null, true, true, ex);
        }

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogCompleted(logger, operation, (int)response.StatusCode, elapsedMs);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var error = await TryReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var transient = GraphRetryPolicy.IsTransient(response.StatusCode);
            var text = error is null
                ? $"Graph {operation} failed with HTTP {(int)response.StatusCode}."
                : $"Graph {operation} failed with Meta error {error.Code}: {error.Message} (HTTP {(int)response.StatusCode}, fbtrace_id {error.FbtraceId}).";
            throw new MetaGraphException(text, response.StatusCode, error, transient, mayHaveReachedMeta: true);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new MetaGraphException("Graph returned a body that is not the expected JSON.", response.StatusCode, null, false, true, ex);
        }
    }

    private static async Task<GraphError?> TryReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync(MetaJsonContext.Default.GraphErrorEnvelope, cancellationToken).ConfigureAwait(false);
            return envelope?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void CheckOpaque(string? bizOpaqueCallbackData)
    {
        if (bizOpaqueCallbackData is { Length: > MaxBizOpaqueCallbackDataLength })
        {
            throw new ArgumentException($"biz_opaque_callback_data is limited to {MaxBizOpaqueCallbackDataLength} characters.", nameof(bizOpaqueCallbackData));
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Graph {Operation} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, string? operation, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Graph {Operation} failed before a response: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? operation, string reason);
}
