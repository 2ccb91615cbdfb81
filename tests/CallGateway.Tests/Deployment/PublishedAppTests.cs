using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CallGateway.Meta.Webhooks;
using CallGateway.Tests.Observability;
using CallGateway.Tests.Support;

namespace CallGateway.Tests.Deployment;

/// <summary>
/// The container without Docker: the Dockerfile's publish output, started with the Dockerfile's ENV (ports and /data
/// mapped to this machine) plus secrets as a deployment injects them, probed with the Dockerfile's own HEALTHCHECK
/// command, then stopped with SIGTERM like `docker stop`.
/// </summary>
public sealed class PublishedAppTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    private const string AccessToken = "EAAdeploy-token-31c9a7";
    private const string AppSecret = "deploy-app-secret-8e20b1";
    private const string VerifyToken = "deploy-verify-token-5d7e";
    private const string ApiKey = "deploy-api-key-0c4f9e21";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void Publish_HasTheAppItsConfigurationAndNoTestAssemblies()
    {
        var files = Directory.GetFiles(app.OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(app.OutputDirectory, f)).ToList();

        Assert.Contains("CallGateway.dll", files);
        Assert.Contains("CallGateway.runtimeconfig.json", files);
        Assert.Contains("CallGateway.Media.dll", files);
        Assert.Contains("appsettings.json", files);
        Assert.Equal(File.ReadAllText(Path.Combine(Dockerfile.RepositoryRoot, "appsettings.json")), File.ReadAllText(Path.Combine(app.OutputDirectory, "appsettings.json")));
        Assert.DoesNotContain(files, f => f.Contains("Tests", StringComparison.OrdinalIgnoreCase) || f.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || f.StartsWith("testhost", StringComparison.OrdinalIgnoreCase) || f.StartsWith("Microsoft.TestPlatform", StringComparison.OrdinalIgnoreCase)
            || f.StartsWith("Microsoft.AspNetCore.Mvc.Testing", StringComparison.Ordinal) || f.StartsWith("Microsoft.Playwright", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith(".db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishedApp_WithTheImagesEnvironment_IsHealthyLogsJsonAndStopsOnSigterm()
    {
        var image = Dockerfile.Load().Final;
        var port = FreeTcpPort();
        var data = app.NewDataDirectory();
        var environment = ImageEnvironment(image, port, data);
        var shipped = AppFiles(); // /app must stay unchanged: Kubernetes mounts the root filesystem read-only
        using var gateway = ProcessRunner.Start(PublishedApp.Dotnet, [Path.Combine(app.OutputDirectory, "CallGateway.dll")], app.OutputDirectory, environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        await WaitUntilHealthyAsync(http, gateway);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.True(File.Exists(Path.Combine(data, "callgateway.db")), "the database goes to the /data volume");

        // The Dockerfile's HEALTHCHECK, verbatim but for the port.
        var (healthcheck, _) = image.HealthCheck();
        Assert.Equal(0, await RunAsync(healthcheck, port));

        // Meta's handshake and a signed webhook, then the scrape endpoint without a key.
        var verify = await http.GetStringAsync(new Uri($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={VerifyToken}&hub.challenge=42", UriKind.Relative));
        Assert.Equal("42", verify);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWebhookAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/calls", UriKind.Relative))).StatusCode);
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.True(PrometheusText.Value(metrics, "callgateway_webhooks_total", ("outcome", "stored")) >= 1, metrics);

        // docker stop: SIGTERM, then the host's graceful shutdown (30 s at most) before Docker's kill.
        Assert.Equal(0, await RunAsync(["bash", "-c", $"kill -TERM {gateway.Id}"], port));
        Assert.True(await gateway.WaitForExitAsync(TimeSpan.FromSeconds(45)), "stopped within the grace period\n" + gateway.Transcript());
        Assert.Equal(0, gateway.ExitCode);
        Assert.NotEqual(0, await RunAsync(healthcheck, port));

        AssertJsonLogsWithoutSecrets(gateway);
        Assert.Equal(shipped, AppFiles());
    }

    private List<string> AppFiles() =>
        [.. Directory.GetFiles(app.OutputDirectory, "*", SearchOption.AllDirectories).Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}").Order(StringComparer.Ordinal)];

    /// <summary>The final stage's ENV with 8080 and /data mapped to this test, plus secrets as Kubernetes would inject them.</summary>
    private static Dictionary<string, string?> ImageEnvironment(Dockerfile.Stage image, int port, string data)
    {
        var environment = image.Environment().ToDictionary(kv => kv.Key, kv => (string?)kv.Value
            .Replace("http://+:8080", $"http://127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("/data", data, StringComparison.Ordinal));
        Assert.Equal("false", environment["Sandbox__Enabled"]);
        environment["Meta__AccessToken"] = AccessToken;
        environment["Meta__AppSecret"] = AppSecret;
        environment["Meta__VerifyToken"] = VerifyToken;
        environment["Meta__PhoneNumberId"] = "105615555715855";
        environment["Api__Keys__0__Client"] = "deploy-test";
        environment["Api__Keys__0__Key"] = ApiKey;
        environment["Media__AdvertisedAddress"] = "127.0.0.1";
        return environment;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient http, ProcessRunner gateway)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(gateway.HasExited, "the published app exited at start:\n" + gateway.Transcript());
            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        Assert.Fail($"/healthz did not answer within {StartTimeout}:\n{gateway.Transcript()}");
    }

    private static async Task<HttpResponseMessage> PostSignedWebhookAsync(HttpClient http)
    {
        var body = Encoding.UTF8.GetBytes(TestWebhooks.Status("wacid.DEPLOY1", "RINGING"));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(body, AppSecret));
        return await http.PostAsync(new Uri("/webhooks/whatsapp", UriKind.Relative), content);
    }

    private static void AssertJsonLogsWithoutSecrets(ProcessRunner gateway)
    {
        var lines = gateway.Output.Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line); // every console line is one JSON object (Logging__Json=true)
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.True(json.RootElement.TryGetProperty("@t", out _) && json.RootElement.TryGetProperty("@m", out _), line);
            foreach (var secret in new[] { AccessToken, AppSecret, VerifyToken, ApiKey })
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }

        Assert.Contains(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"SourceContext\":\"CallGateway.Webhooks.WebhookEndpoints\"", StringComparison.Ordinal));
    }

    private static async Task<int> RunAsync(string[] command, int port)
    {
        var arguments = command.Skip(1).Select(a => a.Replace("/8080", "/" + port, StringComparison.Ordinal));
        using var process = ProcessRunner.Start(command[0], arguments, Path.GetTempPath());
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(10)), "command finished in time: " + string.Join(' ', command));
        return process.ExitCode;
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
