using CallGateway.Meta.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallGateway.Meta;

public static class MetaServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="MetaOptions"/> at start-up and registers the Graph API client.</summary>
    public static IServiceCollection AddCallGatewayMeta(this IServiceCollection services)
    {
        services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<GraphAuthHandler>();
        services.AddTransient<GraphRetryHandler>();
        services.AddHttpClient<IMetaGraphClient, MetaGraphClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue.VersionedBaseUri;
                http.Timeout = TimeSpan.FromSeconds(15);
            })
            .AddHttpMessageHandler<GraphRetryHandler>()
            .AddHttpMessageHandler<GraphAuthHandler>();
        return services;
    }
}
