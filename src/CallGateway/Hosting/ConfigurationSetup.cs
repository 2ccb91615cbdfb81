using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CallGateway.Hosting;

internal static class ConfigurationSetup
{
    /// <summary>
    /// The canonical appsettings.json lives at the repository root and is copied next to the binaries. The content
    /// root differs between <c>dotnet run</c>, tests and the container, so load that copy explicitly, with the lowest
    /// precedence: environment variables and the command line still override it.
    /// </summary>
    public static void AddRootAppSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var contentRootCopy = Path.Combine(environment.ContentRootPath, "appsettings.json");
        if (!File.Exists(path) || string.Equals(Path.GetFullPath(path), Path.GetFullPath(contentRootCopy), StringComparison.Ordinal))
        {
            return;
        }

        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        };
        ((IConfigurationBuilder)configuration).Sources.Insert(0, source);
    }
}
