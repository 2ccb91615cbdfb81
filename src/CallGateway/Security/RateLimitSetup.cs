using System.Globalization;
using System.Threading.RateLimiting;
using CallGateway.Webhooks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CallGateway.Security;

/// <summary>
/// One global limiter: per API client on <c>/api</c> (token bucket), per source address on the webhook verify
/// handshake (fixed window, against token guessing). Meta's signed webhook POSTs are not limited here: they are
/// cheap to refuse and Meta retries for days if refused. Rejections are 429 problem+json with Retry-After.
/// </summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddCallGatewayRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.ApiRequestsPerSecond > 0 && o.ApiBurst >= o.ApiRequestsPerSecond && o.VerifyPerMinute > 0,
                "RateLimits: ApiRequestsPerSecond and VerifyPerMinute must be positive and ApiBurst >= ApiRequestsPerSecond.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteRejectionAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var limits = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api"))
        {
            var client = http.User.Identity?.Name ?? "ip:" + http.Connection.RemoteIpAddress;
            return RateLimitPartition.GetTokenBucketLimiter("api:" + client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.ApiBurst,
                TokensPerPeriod = limits.ApiRequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }

        if (path.StartsWithSegments(WebhookEndpoints.Path) && HttpMethods.IsGet(http.Request.Method))
        {
            return RateLimitPartition.GetFixedWindowLimiter("verify:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.VerifyPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = $"Slow down; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s." },
        }).ConfigureAwait(false);
    }
}
