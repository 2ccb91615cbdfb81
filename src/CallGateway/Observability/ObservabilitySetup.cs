using System.Reflection;
using CallGateway.Calls.Ports;
using CallGateway.Meta.Graph;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CallGateway.Observability;

internal static class ObservabilitySetup
{
    /// <summary>The standard variable that turns OTLP export (metrics and traces) on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The gateway's metrics and their hooks, OpenTelemetry with the Prometheus exporter (unless switched off) and
    /// OTLP export of metrics and traces when <see cref="OtlpEndpointVariable"/> is set. Call after the calls and
    /// events are registered: it decorates the notification sink and the signaling port.
    /// </summary>
    public static WebApplicationBuilder AddCallGatewayObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName)
            .Validate(o => o.PrometheusPath.StartsWith('/'), "Observability:PrometheusPath must start with '/'.")
            .ValidateOnStart();

        services.AddMetrics();
        services.AddSingleton<ILiveCallSource, LiveCallSampler>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<IGraphAttemptObserver, GraphMetricsObserver>();
        services.Decorate<ICallNotificationSink>((sink, sp) => new MeteredNotificationSink(sink, sp.GetRequiredService<GatewayMetrics>()));
        services.Decorate<ICallSignaling>((signaling, _) => new TracedCallSignaling(signaling));

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!options.Prometheus && !otlp)
        {
            return builder; // instruments still exist (MeterListener, dotnet-counters); nothing exports them
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(
            serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "callgateway",
            serviceVersion: typeof(ObservabilitySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(GatewayMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation();
            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        if (otlp)
        {
            // Traces go nowhere without an exporter, so they are only collected when OTLP is configured.
            telemetry.WithTracing(tracing => tracing
                .AddSource(GatewayActivities.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path, options))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint (anonymous, like health) when it is switched on.</summary>
    public static WebApplication MapCallGatewayMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath).AllowAnonymous();
        }

        return app;
    }

    private static bool IsPlumbing(PathString path, ObservabilityOptions options) =>
        path.StartsWithSegments(options.PrometheusPath) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
