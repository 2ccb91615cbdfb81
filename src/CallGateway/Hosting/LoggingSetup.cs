using Serilog;

namespace CallGateway.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog as the logging provider, configured from the <c>Serilog</c> section. Scopes (the call id) become
    /// properties; <c>Logging:Json=true</c> switches the console to compact JSON. No bootstrap logger:
    /// WebApplicationFactory builds the host more than once. Each host keeps its own logger (preserveStaticLogger):
    /// through the static Log.Logger, hosts running side by side (tests) would write to whichever host was built
    /// last, and lose everything once any host was disposed (Log.CloseAndFlush).
    /// </summary>
    public static WebApplicationBuilder AddCallGatewayLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => JsonConsoleLogging.ReadFrom(logger, builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);
        return builder;
    }
}
