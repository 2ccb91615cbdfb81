namespace CallGateway.Bench.Gateway;

/// <summary>Where the built gateway and sandbox are: the Release outputs next to this repository's sources.</summary>
internal static class RepoLayout
{
    public static string Root { get; } = FindRoot();

    public static string GatewayDll => Output("CallGateway", "CallGateway.dll");

    public static string SandboxHostDll => Output("CallGateway.Sandbox.Host", "CallGateway.Sandbox.Host.dll");

    /// <summary>The bench project references both hosts, so building it (Release) builds them.</summary>
    private static string Output(string project, string dll)
    {
        var path = Path.Combine(Root, "src", project, "bin", "Release", "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run `dotnet build -c Release` first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CallGateway.sln not found above " + AppContext.BaseDirectory);
    }
}
