using CallGateway.Calls;
using CallGateway.Calls.Actors;
using CallGateway.Calls.Ports;
using CallGateway.Meta.Graph;
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
        services.AddSingleton<GatewayLifecycle>();
        services.AddSingleton<ICallAdmission>(sp => sp.GetRequiredService<GatewayLifecycle>());
        services.AddSingleton<GraphCallSignaling>();
        services.AddSingleton<ICallSignaling>(sp => sp.GetRequiredService<GraphCallSignaling>());
        services.AddSingleton<GraphAttemptLog>();
        services.AddSingleton<IGraphAttemptObserver>(sp => sp.GetRequiredService<GraphAttemptLog>());
        services.AddHostedService(sp => sp.GetRequiredService<GraphAttemptLog>());
        services.AddSingleton<CallActorContext>();
        services.AddSingleton<CallRegistry>();
        services.AddSingleton<InboxSignal>();

        // Start order matters: recover calls left open by a crash, then drain the inbox and the outbox.
        // Stop order is the reverse: live calls are ended (CallShutdownService) while the workers still run.
        services.AddHostedService<CallRecoveryService>();
        services.AddHostedService<InboxDispatcher>();
        services.AddHostedService<SignalOutboxWorker>();
        services.AddHostedService<CallShutdownService>();
        return services;
    }
}
