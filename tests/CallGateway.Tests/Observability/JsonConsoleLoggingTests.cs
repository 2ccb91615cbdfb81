using CallGateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace CallGateway.Tests.Observability;

/// <summary>Logging:Json replaces the configured Console sinks and keeps everything else of the Serilog section.</summary>
public sealed class JsonConsoleLoggingTests
{
    [Fact]
    public void WithoutConsoleSinks_DropsOnlyConsoleEntries()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:Using:0"] = "Serilog.Sinks.Console",
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:WriteTo:0:Name"] = "Console",
            ["Serilog:WriteTo:0:Args:outputTemplate"] = "[{Level:u3}] {Message:lj}{NewLine}",
            ["Serilog:WriteTo:1:Name"] = "File",
            ["Serilog:WriteTo:1:Args:path"] = "/data/log.txt",
            ["Meta:AppSecret"] = "not-copied",
        }).Build();

        var filtered = JsonConsoleLogging.WithoutConsoleSinks(configuration);

        Assert.Equal("Information", filtered["Serilog:MinimumLevel:Default"]);
        Assert.Equal("Warning", filtered["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"]);
        Assert.Equal("Serilog.Sinks.Console", filtered["Serilog:Using:0"]);
        Assert.Null(filtered["Serilog:WriteTo:0:Name"]);
        Assert.Null(filtered["Serilog:WriteTo:0:Args:outputTemplate"]);
        Assert.Equal("File", filtered["Serilog:WriteTo:1:Name"]);
        Assert.Equal("/data/log.txt", filtered["Serilog:WriteTo:1:Args:path"]);
        Assert.Null(filtered["Meta:AppSecret"]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void IsOn_ReadsTheSwitch(string? value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Json"] = value }).Build();

        Assert.Equal(expected, JsonConsoleLogging.IsOn(configuration));
    }
}
