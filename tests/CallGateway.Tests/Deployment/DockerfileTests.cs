using System.Text.RegularExpressions;

namespace CallGateway.Tests.Deployment;

/// <summary>
/// The Dockerfile says what PublishedAppTests verified: the same publish, the configuration next to the binaries,
/// the HTTP port the app listens on, the UDP range media uses, a non-root user and a health check on /healthz.
/// </summary>
public sealed partial class DockerfileTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    [Fact]
    public void Stages_BuildOnTheSdkAndRunOnAspNet_GatewayLast()
    {
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", _dockerfile["build"].Image);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile["base"].Image);
        Assert.Equal("gateway", _dockerfile.Final.Name);
        Assert.Equal("base", _dockerfile.Final.Image);
    }

    [Fact]
    public void Publish_IsTheOneTheTestsRun_AndTheFinalStageCopiesItAndTheRootAppSettings()
    {
        var publish = Assert.Single(_dockerfile["build"].All("RUN"), r => r.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("dotnet " + string.Join(' ', PublishedApp.PublishArguments) + " -o /app/publish", publish, StringComparison.Ordinal);
        var copies = _dockerfile.Final.All("COPY").ToList();
        Assert.Contains("--from=build /app/publish ./", copies);
        Assert.Contains("--from=build /src/appsettings.json ./appsettings.json", copies);
        Assert.Equal("[\"dotnet\", \"CallGateway.dll\"]", Assert.Single(_dockerfile.Final.All("ENTRYPOINT")));
    }

    [Fact]
    public void Runtime_InstallsOnlyLibopus_AndCleansTheLists()
    {
        var install = Assert.Single(_dockerfile["base"].All("RUN"), r => r.Contains("apt-get install", StringComparison.Ordinal));
        Assert.Contains("apt-get install -y --no-install-recommends libopus0", install, StringComparison.Ordinal);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", install, StringComparison.Ordinal);
    }

    [Fact]
    public void Ports_HttpMatchesUrlsAndHealthCheck_UdpRangeMatchesMediaPorts()
    {
        var env = _dockerfile.Final.Environment();
        Assert.Equal("http://+:8080", env["Urls"]);
        Assert.Equal("http://+:8080", env["ASPNETCORE_URLS"]);
        var exposed = _dockerfile.Final.All("EXPOSE").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains("8080/tcp", exposed);
        Assert.Contains($"{env["Media__PortMin"]}-{env["Media__PortMax"]}/udp", exposed);
        Assert.True(int.Parse(env["Media__PortMax"], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(env["Media__PortMin"], System.Globalization.CultureInfo.InvariantCulture));

        var (command, options) = _dockerfile.Final.HealthCheck();
        Assert.Equal("bash", command[0]);
        var script = command[^1];
        Assert.Contains("/dev/tcp/127.0.0.1/8080", script, StringComparison.Ordinal);
        Assert.Contains("GET /healthz ", script, StringComparison.Ordinal);
        Assert.Matches(TimeoutOption(), options);
    }

    [Fact]
    public void Image_RunsAsTheNonRootAppUser_WithProductionDefaultsAndStateUnderData()
    {
        Assert.All(_dockerfile.Stages.Where(s => s.Name is "gateway" or "sandbox"), stage => Assert.Equal("1654", stage.All("USER").Last()));
        var env = _dockerfile.Final.Environment();
        Assert.Equal("false", env["Sandbox__Enabled"]);
        Assert.StartsWith("/data/", env["Storage__SqlitePath"], StringComparison.Ordinal);
        Assert.StartsWith("/data/", env["MediaApps__RecordingsFolder"], StringComparison.Ordinal);
        Assert.Equal("true", env["Logging__Json"]);
        Assert.Contains("[\"/data\"]", _dockerfile.Final.All("VOLUME"));
        Assert.Contains(_dockerfile["base"].All("RUN"), r => r.Contains("chown -R 1654:1654 /data", StringComparison.Ordinal));
        Assert.DoesNotContain(env.Keys, k => k.Contains("AccessToken", StringComparison.Ordinal) || k.Contains("AppSecret", StringComparison.Ordinal)
            || k.Contains("VerifyToken", StringComparison.Ordinal) || k.StartsWith("Api__Keys", StringComparison.Ordinal));
    }

    [Fact]
    public void DockerIgnore_KeepsTestsBuildOutputAndLocalDataOutOfTheContext()
    {
        var ignored = File.ReadAllLines(Path.Combine(Dockerfile.RepositoryRoot, ".dockerignore")).Select(l => l.Trim()).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("tests/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.Contains("*.db", ignored);
        Assert.DoesNotContain("src/", ignored);
        Assert.DoesNotContain("appsettings.json", ignored);
    }

    [GeneratedRegex(@"--timeout=\d+s")]
    private static partial Regex TimeoutOption();
}
