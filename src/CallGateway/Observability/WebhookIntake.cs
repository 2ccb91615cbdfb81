using System.Diagnostics;

namespace CallGateway.Observability;

/// <summary>
/// Measures the webhook POST: a span around the handler, its server-side duration and its outcome. The handler says
/// what happened with <see cref="Mark"/>; a request it did not mark (an exception) counts as an error.
/// </summary>
public sealed class WebhookIntake(GatewayMetrics metrics) : IEndpointFilter
{
    private static readonly object OutcomeKey = new();

    /// <summary>Records what became of this delivery (called by the webhook handler).</summary>
    public static void Mark(HttpContext http, WebhookOutcome outcome, int events = 0)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[OutcomeKey] = outcome;
        Activity.Current?.SetTag(GatewayActivities.WebhookEventsTag, events);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var activity = GatewayActivities.Source.StartActivity(GatewayActivities.WebhookIntake);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        finally
        {
            var outcome = context.HttpContext.Items.TryGetValue(OutcomeKey, out var marked) && marked is WebhookOutcome o ? o : WebhookOutcome.Error;
            metrics.WebhookReceived(outcome, Stopwatch.GetElapsedTime(started));
            if (activity is not null)
            {
                activity.SetTag(GatewayActivities.WebhookOutcomeTag, outcome.TagValue());
                if (outcome is not (WebhookOutcome.Stored or WebhookOutcome.Duplicate or WebhookOutcome.Ignored))
                {
                    activity.SetStatus(ActivityStatusCode.Error, outcome.TagValue());
                }
            }
        }
    }
}
