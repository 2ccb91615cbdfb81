using CallGateway.Meta.Graph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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
        services.AddTransient<GraphAttemptRecorder>();
        var graph = services.AddHttpClient<IMetaGraphClient, MetaGraphClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<MetaOptions>>().CurrentValue.VersionedBaseUri;
            http.Timeout = TimeSpan.FromSeconds(30);
        });

        // Outermost first: the retry pipeline, then the bearer token and the attempt recorder (which see every try).
        graph.AddResilienceHandler("graph", pipeline =>
            {
                // Short, bounded retries inside one request (the durable outbox retries longer outages).
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = GraphRetryPolicy.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = TimeSpan.FromMilliseconds(200),
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(GraphRetryPolicy.ShouldRetry(args.Outcome, args.Context)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(8)); // per attempt
            });
        graph.AddHttpMessageHandler<GraphAuthHandler>().AddHttpMessageHandler<GraphAttemptRecorder>();
        return services;
    }
}
