using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace CallGateway.Events;

/// <summary>
/// Delivers every event to every configured endpoint, in order, each signed (Standard Webhooks). An endpoint that is
/// down gets retries with exponential backoff; its events wait (order is kept) but calls never wait for it.
/// </summary>
public sealed partial class EventWebhookDispatcher(
    CallEventBus bus,
    IHttpClientFactory http,
    IOptions<EventWebhookOptions> options,
    TimeProvider time,
    ILogger<EventWebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "event-webhooks";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Value.Endpoints.Select(endpoint => RunEndpointAsync(endpoint, stoppingToken)));

    private async Task RunEndpointAsync(EventWebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var subscription = bus.Subscribe(callId: null, afterSequence: null, capacity: 10_000);
        try
        {
            await foreach (var message in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (endpoint.Types.Count == 0 || endpoint.Types.Contains(message.Type, StringComparer.Ordinal))
                {
                    await DeliverAsync(endpoint, message, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(EventWebhookEndpoint endpoint, CallEventMessage message, CancellationToken cancellationToken)
    {
        var body = EventJson.Serialize(message);
        var backoff = TimeSpan.FromSeconds(1);
        for (var attempt = 1; attempt <= options.Value.MaxAttempts; attempt++)
        {
            var failure = await TrySendAsync(endpoint, message.Id, body, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                return;
            }

            LogRetry(logger, endpoint.Name, message.Type, message.Sequence, attempt, failure);
            if (attempt < options.Value.MaxAttempts)
            {
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 300));
            }
        }

        LogGaveUp(logger, endpoint.Name, message.Type, message.Sequence, options.Value.MaxAttempts);
    }

    /// <summary>Sends once; returns null on a 2xx, else why it failed.</summary>
    private async Task<string?> TrySendAsync(EventWebhookEndpoint endpoint, string id, string body, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(StandardWebhookSignature.IdHeader, id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(endpoint.Secret, id, timestamp, body));
        try
        {
            using var client = http.CreateClient(HttpClientName);
            client.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Event webhook {Endpoint}: {Type} #{Sequence} attempt {Attempt} failed ({Reason})")]
    private static partial void LogRetry(ILogger logger, string endpoint, string type, long sequence, int attempt, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Event webhook {Endpoint}: gave up on {Type} #{Sequence} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string endpoint, string type, long sequence, int attempts);
}
