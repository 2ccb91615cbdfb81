using Microsoft.Extensions.Options;

namespace CallGateway.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>The settings proxy's cache and the open-now calculator (validators are registered with the API's).</summary>
    public static IServiceCollection AddCallGatewaySettings(this IServiceCollection services)
    {
        services.AddOptions<SettingsOptions>().BindConfiguration(SettingsOptions.SectionName)
            .Validate(o => o.OpenNowCacheSeconds is >= 0 and <= 3600, "Settings:OpenNowCacheSeconds must be between 0 and 3600.")
            .ValidateOnStart();
        services.AddSingleton(sp => new CallingSettingsCache(
            sp.GetRequiredService<Meta.Graph.IMetaGraphClient>(),
            new TimedCache<string, CallingSettings>(sp.GetRequiredService<TimeProvider>(),
                TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SettingsOptions>>().Value.OpenNowCacheSeconds), capacity: 1)));
        services.AddSingleton<BusinessHoursCalculator>();
        return services;
    }
}
