using Serilog;

namespace CallGateway.Hosting;

internal static class LoggingSetup
{
    /// <summary>
    /// Serilog as the logging provider, configured from the <c>Serilog</c> section. Scopes (the call id) become
    /// properties; <c>Logging:Json=true</c> switches the console to compact JSON. No bootstrap logger:
    /// WebApplicationFactory builds the host more than once. Each host keeps its own logger
    /// (<c>preserveStaticLogger</c>): otherwise the static <c>Log.Logger</c> is the one every host writes to, so hosts
    /// running side by side in tests log into each other's sinks, and the first one disposed silences the rest.
    /// </summary>
    public static WebApplicationBuilder AddCallGatewayLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => JsonConsoleLogging.ReadFrom(logger, builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }
}
