using System.Net;
using Microsoft.Extensions.Logging;

namespace CallGateway.Meta.Graph;

/// <summary>
/// Retries Graph requests only where that is safe. Idempotent requests (every GET, pre_accept, accept, reject,
/// terminate) are retried on network errors, timeouts, 429 and 5xx with exponential backoff. A non-idempotent
/// request (<c>connect</c>) is retried only when it provably never left the machine (connection refused, DNS).
/// </summary>
public sealed partial class GraphRetryHandler(TimeProvider time, ILogger<GraphRetryHandler> logger) : DelegatingHandler
{
    public const int MaxAttempts = 3;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var idempotent = request.Options.TryGetValue(GraphRequestOptions.Idempotent, out var flag) ? flag : request.Method == HttpMethod.Get;
        request.Options.TryGetValue(GraphRequestOptions.Operation, out var operation);
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts && (idempotent || NeverSent(ex)))
            {
                LogRetry(logger, operation, attempt, ex.HttpRequestError.ToString());
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (attempt < MaxAttempts && idempotent && IsTransient(response.StatusCode))
            {
                var delay = RetryAfter(response) ?? Backoff(attempt);
                LogRetry(logger, operation, attempt, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                response.Dispose();
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    /// <summary>Errors raised before any byte of the request could have been sent.</summary>
    internal static bool NeverSent(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(int attempt) => BaseDelay * Math.Pow(3, attempt - 1);

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var delta = response.Headers.RetryAfter?.Delta;
        return delta is { } d && d > TimeSpan.Zero ? (d < MaxRetryAfter ? d : MaxRetryAfter) : null;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Graph {Operation} attempt {Attempt} failed ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string? operation, int attempt, string reason);
}
