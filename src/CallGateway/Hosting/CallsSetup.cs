using CallGateway.Calls;
using CallGateway.Calls.Actors;
using CallGateway.Calls.Ports;
using CallGateway.Signaling;
using CallGateway.Webhooks;

namespace CallGateway.Hosting;

internal static class CallsSetup
{
    /// <summary>The call actors, their registry, the signaling adapter and the webhook inbox dispatcher.</summary>
    public static IServiceCollection AddCallGatewayCalls(this IServiceCollection services)
    {
        services.AddOptions<CallsOptions>().BindConfiguration(CallsOptions.SectionName)
            .Validate(o => o.AcceptWindowSeconds is >= 5 and <= 120, "Calls:AcceptWindowSeconds must be between 5 and 120 (Meta allows about 30-60 s).")
            .Validate(o => o.OutboundRingTimeoutSeconds is >= 5 and <= 300, "Calls:OutboundRingTimeoutSeconds must be between 5 and 300.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 32 * 1024 * 1024, "Webhooks:MaxBodyBytes must be between 1 KiB and 32 MiB.")
            .ValidateOnStart();
        services.AddSingleton<ICallSignaling, GraphCallSignaling>();
        services.AddSingleton<CallActorContext>();
        services.AddSingleton<CallRegistry>();
        services.AddSingleton<InboxSignal>();
        services.AddHostedService<InboxDispatcher>();
        return services;
    }
}
