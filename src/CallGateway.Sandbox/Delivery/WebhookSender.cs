using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using CallGateway.Meta;
using CallGateway.Meta.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallGateway.Sandbox.Delivery;

/// <summary>
/// Delivers webhooks the way Meta does: signed with the app secret (X-Hub-Signature-256 over the exact bytes),
/// retried after a non-2xx answer or a network error; optionally duplicated or swapped in order to exercise the
/// receiver. Deliveries never block the caller.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory http,
    IOptionsMonitor<MetaOptions> meta,
    IOptionsMonitor<SandboxOptions> options,
    SandboxEndpoints endpoints,
    TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "sandbox-webhooks";
    private const int LogCapacity = 2000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<WebhookDelivery> _log = new();
    private long _sequence;

    /// <summary>Recent deliveries, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> Log => _log.ToArray();

    /// <summary>Queues a payload; per-call flags override the configured duplicate/out-of-order behaviour.</summary>
    public void Enqueue(string kind, string? callId, string payload)
    {
        var delivery = new WebhookDelivery(Interlocked.Increment(ref _sequence), kind, callId, time.GetUtcNow());
        Remember(delivery);
        _queue.Writer.TryWrite(new Pending(delivery, payload));
        if (options.CurrentValue.DuplicateDeliveries)
        {
            var copy = new WebhookDelivery(Interlocked.Increment(ref _sequence), kind, callId, time.GetUtcNow()) { Duplicate = true };
            Remember(copy);
            _queue.Writer.TryWrite(new Pending(copy, payload));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Pending? held = null;
        try
        {
            await foreach (var next in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (options.CurrentValue.OutOfOrderDeliveries && next.Attempt == 0)
                {
                    // Hold one delivery back and send it after the next one.
                    if (held is null)
                    {
                        held = next;
                        continue;
                    }

                    await SendAsync(next, stoppingToken).ConfigureAwait(false);
                    await SendAsync(held, stoppingToken).ConfigureAwait(false);
                    held = null;
                    continue;
                }

                if (held is not null)
                {
                    await SendAsync(held, stoppingToken).ConfigureAwait(false);
                    held = null;
                }

                await SendAsync(next, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends whatever is waiting (the held-back delivery when out-of-order delivery is on).</summary>
    public void Flush() => _queue.Writer.TryWrite(Pending.FlushMarker);

    private async Task SendAsync(Pending pending, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(pending, Pending.FlushMarker))
        {
            return;
        }

        var delivery = pending.Delivery;
        delivery.Attempts++;
        var bytes = Encoding.UTF8.GetBytes(pending.Payload);
        try
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(bytes, meta.CurrentValue.AppSecret));
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.PostAsync(endpoints.WebhookUri, content, cancellationToken).ConfigureAwait(false);
            delivery.LastStatus = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.Delivered = true;
                return;
            }

            delivery.LastError = $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            delivery.LastError = ex.Message;
        }

        ScheduleRetry(pending, cancellationToken);
    }

    private void ScheduleRetry(Pending pending, CancellationToken cancellationToken)
    {
        var delays = options.CurrentValue.RetryDelaysMilliseconds;
        if (pending.Attempt >= delays.Length)
        {
            LogGaveUp(logger, pending.Delivery.Kind, pending.Delivery.CallId, pending.Delivery.Attempts, pending.Delivery.LastError);
            return;
        }

        var retry = pending with { Attempt = pending.Attempt + 1 };
        _ = Task.Delay(TimeSpan.FromMilliseconds(delays[pending.Attempt]), time, cancellationToken)
            .ContinueWith(_ => _queue.Writer.TryWrite(retry), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private void Remember(WebhookDelivery delivery)
    {
        _log.Enqueue(delivery);
        while (_log.Count > LogCapacity && _log.TryDequeue(out _))
        {
        }
    }

    private sealed record Pending(WebhookDelivery Delivery, string Payload, int Attempt = 0)
    {
        public static readonly Pending FlushMarker = new(new WebhookDelivery(0, "flush", null, default), "");
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Sandbox gave up delivering {Kind} for {CallId} after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string kind, string? callId, int attempts, string? error);
}
