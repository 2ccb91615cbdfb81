namespace CallGateway.Tests.Deployment;

/// <summary>
/// `dotnet publish src/CallGateway -c Release -o {tmp}`: the Dockerfile's build stage, run once for the test class
/// (the machine cannot run Docker). Publishing reuses an up-to-date Release build; from a Debug test run it builds
/// Release first, which takes a few minutes.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    /// <summary>The project and configuration the Dockerfile publishes (checked against it by DockerfileTests).</summary>
    public static readonly string[] PublishArguments = ["publish", "src/CallGateway", "-c", "Release"];

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private readonly string _root = Directory.CreateTempSubdirectory("cg-publish-").FullName;

    public PublishedApp()
    {
        OutputDirectory = Path.Combine(_root, "app");
        using var publish = ProcessRunner.Start(Dotnet, [.. PublishArguments, "-o", OutputDirectory, "--disable-build-servers", "-nologo"], Dockerfile.RepositoryRoot);
        if (!publish.WaitForExitAsync(PublishTimeout).GetAwaiter().GetResult() || publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed or took longer than {PublishTimeout}:\n{publish.Transcript()}");
        }
    }

    /// <summary>The publish output (what the image has in /app).</summary>
    public string OutputDirectory { get; }

    /// <summary>A scratch folder for one test (the image's /data).</summary>
    public string NewDataDirectory() => Directory.CreateDirectory(Path.Combine(_root, "data-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>The dotnet host running these tests (the SDK's), else the one on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
