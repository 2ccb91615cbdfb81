using Serilog;
using Serilog.Formatting.Compact;

namespace CallGateway.Hosting;

/// <summary>
/// <c>Logging:Json=true</c> (environment <c>Logging__Json=true</c>, set in the container image): the console gets
/// one compact JSON object per line (<c>@t</c>, <c>@l</c>, <c>@m</c>, <c>@x</c> and every property, CallId included)
/// instead of the text template. The <c>Serilog</c> section still sets levels, enrichers and any other sinks; only
/// its Console sinks are replaced. What is logged does not change, so secrets stay out as before.
/// </summary>
internal static class JsonConsoleLogging
{
    public const string Switch = "Logging:Json";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Switch);

    /// <summary>Serilog configured from <paramref name="configuration"/>, with JSON console output when switched on.</summary>
    public static LoggerConfiguration ReadFrom(LoggerConfiguration logger, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!IsOn(configuration))
        {
            return logger.ReadFrom.Configuration(configuration);
        }

        return logger.ReadFrom.Configuration(WithoutConsoleSinks(configuration))
            .WriteTo.Console(new RenderedCompactJsonFormatter());
    }

    /// <summary>The <c>Serilog</c> section minus its <c>WriteTo</c> entries named Console.</summary>
    internal static IConfiguration WithoutConsoleSinks(IConfiguration configuration)
    {
        var consoleEntries = configuration.GetSection("Serilog:WriteTo").GetChildren()
            .Where(sink => string.Equals(sink["Name"], "Console", StringComparison.OrdinalIgnoreCase))
            .Select(sink => sink.Path + ConfigurationPath.KeyDelimiter)
            .ToList();
        var kept = configuration.GetSection("Serilog").AsEnumerable()
            .Where(setting => setting.Value is not null && !consoleEntries.Exists(prefix => setting.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }
}
