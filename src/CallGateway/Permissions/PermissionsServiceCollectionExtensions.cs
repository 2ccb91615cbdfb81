using CallGateway.Settings;
using CallGateway.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallGateway.Permissions;

public static class PermissionsServiceCollectionExtensions
{
    /// <summary>Call permissions: Meta look-ups (cached, rate-limited), the stored replies and the check before dialing.</summary>
    public static IServiceCollection AddCallGatewayPermissions(this IServiceCollection services)
    {
        services.AddOptions<PermissionsOptions>().BindConfiguration(PermissionsOptions.SectionName)
            .Validate(o => o.CacheSeconds is >= 0 and <= 3600, "Permissions:CacheSeconds must be between 0 and 3600.")
            .Validate(o => o.GraphRequestLimit is >= 1 and <= PermissionsOptions.MetaRequestsPerSecond,
                $"Permissions:GraphRequestLimit must be between 1 and {PermissionsOptions.MetaRequestsPerSecond} (Meta's limit per second).")
            .Validate(o => o.GraphRequestWindowMilliseconds >= 1000, "Permissions:GraphRequestWindowMilliseconds must be at least 1000 (Meta counts per second).")
            .Validate(o => o.GraphRequestQueueLimit is >= 0 and <= 1000, "Permissions:GraphRequestQueueLimit must be between 0 and 1000.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DefaultRequestText) && o.DefaultRequestText.Length <= PermissionRequestBodyValidator.MaxBodyText,
                "Permissions:DefaultRequestText must be 1 to 1024 characters.")
            .ValidateOnStart();
        services.AddSingleton<GraphPermissionRateLimiter>();
        services.AddSingleton(sp => new TimedCache<string, CallPermissionSnapshot>(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<PermissionsOptions>>().Value.CacheSeconds)));
        services.AddSingleton<CallPermissionStore>();
        services.AddSingleton<CallPermissionService>();
        services.AddSingleton<CallPermissionGate>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboxEventHandler, CallPermissionReplyHandler>());
        return services;
    }
}
