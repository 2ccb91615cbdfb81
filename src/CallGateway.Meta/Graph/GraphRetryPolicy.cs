using System.Net;
using Polly;
using Polly.Timeout;

namespace CallGateway.Meta.Graph;

/// <summary>
/// Which failed Graph requests may be retried. Idempotent requests (every GET, pre_accept, accept, reject,
/// terminate) are retried after network errors, timeouts, 429 and 5xx. A non-idempotent one (<c>connect</c>) only
/// when it provably never left the machine (connection refused, DNS failure): a resend after a timeout could ring
/// the user twice.
/// </summary>
public static class GraphRetryPolicy
{
    public const int MaxRetries = 2;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetRequestMessage();
        var idempotent = request is not null && (request.Options.TryGetValue(GraphRequestOptions.Idempotent, out var flag) ? flag : request.Method == HttpMethod.Get);
        return outcome switch
        {
            { Exception: HttpRequestException ex } => idempotent || NeverSent(ex),
            { Exception: TimeoutRejectedException } => idempotent,
            { Result: { } response } => idempotent && IsTransient(response.StatusCode),
            _ => false,
        };
    }

    /// <summary>Errors raised before any byte of the request could have been sent.</summary>
    public static bool NeverSent(HttpRequestException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout;
}
