using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CallGateway.Bench.Gateway;

/// <summary>
/// The baseline: Kestrel answering <c>GET /</c> with a constant, nothing else (no logging, no middleware). Run as its
/// own process (<c>CallGateway.Bench bare-kestrel PORT</c>) like the gateway, so both are measured the same way.
/// </summary>
internal static class BareKestrel
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        app.MapGet("/", () => "OK");
        await app.RunAsync();
        return 0;
    }
}
