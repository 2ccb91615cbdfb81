using CallGateway.Calls.Ports;

namespace CallGateway.Events;

public static class EventsSetup
{
    /// <summary>The event bus (it is the calls' notification sink), the SSE stream and outgoing webhooks.</summary>
    public static IServiceCollection AddCallGatewayEvents(this IServiceCollection services)
    {
        services.AddOptions<EventWebhookOptions>().BindConfiguration(EventWebhookOptions.SectionName)
            .Validate(o => o.Endpoints.All(e => Uri.TryCreate(e.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)),
                "Every EventWebhooks:Endpoints entry needs an absolute http(s) Url.")
            .Validate(o => o.Endpoints.All(e => e.Secret.Length >= 16), "Every EventWebhooks:Endpoints entry needs a Secret of at least 16 characters.")
            .ValidateOnStart();
        services.AddSingleton<CallEventBus>();
        services.AddSingleton<ICallNotificationSink>(sp => sp.GetRequiredService<CallEventBus>());
        services.AddHttpClient(EventWebhookDispatcher.HttpClientName);
        services.AddHostedService<EventWebhookDispatcher>();
        return services;
    }
}
