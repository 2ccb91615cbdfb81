using CallGateway.Tests.Support;
using Microsoft.Extensions.Options;

namespace CallGateway.Tests;

public class StartupValidationTests
{
    [Theory]
    [InlineData("Meta:AccessToken", "Meta:AccessToken is required (environment variable Meta__AccessToken).")]
    [InlineData("Meta:AppSecret", "Meta:AppSecret is required (environment variable Meta__AppSecret).")]
    public void MissingMetaKey_StopsStartupNamingTheKey(string key, string message)
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { [key] = "" });
        var ex = Assert.Throws<OptionsValidationException>(() => gateway.CreateClient());
        Assert.Contains(message, ex.Failures);
    }

    [Fact]
    public void RootAppSettings_AreLoaded()
    {
        using var gateway = new GatewayFactory();
        var configuration = (Microsoft.Extensions.Configuration.IConfiguration)gateway.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
        Assert.Equal("v23.0", configuration["Meta:ApiVersion"]);
        Assert.Equal("45", configuration["Calls:AcceptWindowSeconds"]);
    }

    [Theory]
    [InlineData(null, "Storage:PostgresConnectionString is required when Storage:Provider is Postgres")]
    [InlineData("Host=db;Username=cg;Password=hunter2-secret;Pasword=hunter2-secret", "Storage:PostgresConnectionString is not a valid Npgsql connection string")]
    [InlineData("Host=db;Username=cg;Password=hunter2-secret;Database", "Storage:PostgresConnectionString is not a valid Npgsql connection string")]
    [InlineData("Username=cg;Password=hunter2-secret", "Storage:PostgresConnectionString must name the server (Host=...).")]
    public void PostgresWithoutAUsableConnectionString_StopsStartup_WithoutEchoingIt(string? connectionString, string message)
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = connectionString,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => gateway.CreateClient());
        Assert.Contains(ex.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Rendered(), line => line.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void PostgresThatCannotBeReached_StopsStartup_WithoutLoggingThePassword()
    {
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = $"Host=127.0.0.1;Port={closedPort};Database=callgateway;Username=cg;Password=hunter2-secret;Timeout=3",
        });

        var ex = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Rendered(), line => line.Contains("hunter2", StringComparison.Ordinal));
    }
}
