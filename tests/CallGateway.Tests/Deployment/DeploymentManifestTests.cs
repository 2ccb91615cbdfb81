using System.Globalization;
using System.Text.RegularExpressions;
using CallGateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallGateway.Tests.Deployment;

/// <summary>docker-compose.yml and the Kubernetes manifests agree with the image and with the app's shutdown timeout.</summary>
public sealed partial class DeploymentManifestTests
{
    private static readonly string Root = Dockerfile.RepositoryRoot;
    private readonly Dictionary<string, string> _image = Dockerfile.Load().Final.Environment();
    private readonly string _deployment = File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", "deployment.yaml"));

    [Fact]
    public void Kubernetes_GracePeriodCoversPreStopAndTheAppsShutdownTimeout()
    {
        using var gateway = new GatewayFactory();
        var shutdown = gateway.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        var grace = int.Parse(GracePeriod().Match(_deployment).Groups[1].Value, CultureInfo.InvariantCulture);
        var preStop = int.Parse(PreStopSleep().Match(_deployment).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(grace >= preStop + shutdown.TotalSeconds + 5, $"terminationGracePeriodSeconds {grace} < preStop {preStop} s + shutdown {shutdown.TotalSeconds} s + 5 s");
    }

    [Fact]
    public void Kubernetes_ProbesRunAsTheImagesUserWithAReadOnlyRoot()
    {
        Assert.Matches(@"livenessProbe:\s+httpGet:\s+path: /healthz", _deployment);
        Assert.Matches(@"startupProbe:\s+httpGet:\s+path: /healthz", _deployment);
        Assert.Matches(@"readinessProbe:\s+#[^\n]*\n\s+httpGet:\s+path: /readyz", _deployment);
        Assert.Contains("runAsNonRoot: true", _deployment, StringComparison.Ordinal);
        Assert.Contains("runAsUser: " + Dockerfile.Load().Final.All("USER").Last(), _deployment, StringComparison.Ordinal);
        Assert.Contains("readOnlyRootFilesystem: true", _deployment, StringComparison.Ordinal);
        Assert.Matches(@"mountPath: /data\b", _deployment);
        Assert.Contains("containerPort: " + Port(_image["Urls"]), _deployment, StringComparison.Ordinal);
        Assert.Contains("name: Media__AdvertisedAddress", _deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaPortRange_IsTheSameInTheImageComposeAndKubernetes()
    {
        var range = $"{_image["Media__PortMin"]}-{_image["Media__PortMax"]}";
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        Assert.Contains($"\"{range}:{range}/udp\"", compose, StringComparison.Ordinal);
        Assert.Contains($"Media__PortMin: \"{_image["Media__PortMin"]}\"", compose, StringComparison.Ordinal);
        Assert.Contains($"Media__PortMax: \"{_image["Media__PortMax"]}\"", compose, StringComparison.Ordinal);
        var config = File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", "configmap.yaml"));
        Assert.Contains($"Media__PortMin: \"{_image["Media__PortMin"]}\"", config, StringComparison.Ordinal);
        Assert.Contains($"Media__PortMax: \"{_image["Media__PortMax"]}\"", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_AreNeverInCommittedConfiguration()
    {
        var secretKeys = new[] { "Meta__AccessToken", "Meta__AppSecret", "Meta__VerifyToken", "Api__Keys__0__Key", "Storage__PostgresConnectionString" };
        var config = File.ReadAllText(Path.Combine(Root, "deploy", "kubernetes", "configmap.yaml"));
        Assert.All(secretKeys, key => Assert.DoesNotContain(key, config, StringComparison.Ordinal));
        var example = File.ReadAllLines(Path.Combine(Root, "deploy", "kubernetes", "secrets.env.example"));
        Assert.All(secretKeys, key => Assert.Contains(example, l => l.StartsWith(key + "=", StringComparison.Ordinal)));
        Assert.Contains("secrets.env", File.ReadAllLines(Path.Combine(Root, "deploy", "kubernetes", ".gitignore")));
    }

    private static string Port(string url) => url[(url.LastIndexOf(':') + 1)..];

    [GeneratedRegex(@"terminationGracePeriodSeconds: (\d+)")]
    private static partial Regex GracePeriod();

    [GeneratedRegex(@"preStop:\s+(?:#[^\n]*\n\s+)?exec:\s+command: \[""sleep"", ""(\d+)""\]")]
    private static partial Regex PreStopSleep();
}
