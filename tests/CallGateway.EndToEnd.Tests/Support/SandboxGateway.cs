using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CallGateway.Calls.Actors;
using CallGateway.Sandbox.Graph;
using CallGateway.Sandbox.Calls;
using CallGateway.Sandbox.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.EndToEnd.Tests.Support;

/// <summary>
/// The whole gateway on a real Kestrel on 127.0.0.1 with the built-in Meta sandbox, exactly as the README's first
/// command runs it: webhooks and Graph requests cross real HTTP, media crosses real UDP. Only the storage location
/// and the timing knobs differ per test.
/// </summary>
internal sealed class SandboxGateway : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("cg-e2e-").FullName;
    private readonly Dictionary<string, string?> _settings;

    public SandboxGateway(Dictionary<string, string?>? settings = null)
    {
        Port = FreeTcpPort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        _settings = new Dictionary<string, string?>
        {
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:BaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["Sandbox:AnswerDelayMilliseconds"] = "300",
            ["Storage:SqlitePath"] = Path.Combine(_dataDir, "gateway.db"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        UseKestrel(Port);
        StartServer();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", Security.SecuritySetup.SandboxKey);
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    public MetaSimulator Meta => Services.GetRequiredService<MetaSimulator>();
    public SandboxCallStore SandboxCalls => Services.GetRequiredService<SandboxCallStore>();
    public GraphRequestLog GraphRequests => Services.GetRequiredService<GraphRequestLog>();
    public WebhookSender Webhooks => Services.GetRequiredService<WebhookSender>();
    public CallRegistry Calls => Services.GetRequiredService<CallRegistry>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    public async Task<JsonElement> PostJsonAsync(string path, object? body, HttpStatusCode expected)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits (bounded) until the gateway's call with this wacid reaches <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForGatewayCallAsync(string wacid, string status, int timeoutMs = 15_000)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var list = await GetJsonAsync("/api/calls?limit=200");
            foreach (var call in list.GetProperty("items").EnumerateArray())
            {
                if (call.GetProperty("metaCallId").GetString() == wacid && call.GetProperty("status").GetString() == status)
                {
                    found = call;
                    return true;
                }
            }

            return false;
        }, $"gateway call {wacid} to be {status}", timeoutMs);
        return await GetJsonAsync($"/api/calls/{found.GetProperty("id").GetString()}");
    }

    /// <summary>Waits until the sandbox's view of the call reaches <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForSandboxCallAsync(string wacid, string status, int timeoutMs = 15_000)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            found = await GetJsonAsync($"/sandbox/calls/{wacid}");
            return found.GetProperty("status").GetString() == status;
        }, $"sandbox call {wacid} to be {status}", timeoutMs);
        return found;
    }

    /// <summary>Actions the gateway sent to the (emulated) Graph API for one call, in order.</summary>
    public string[] GraphActionsFor(string wacid) =>
        GraphRequests.Entries.Where(e => e.CallId == wacid && e.Path.EndsWith("/calls", StringComparison.Ordinal))
            .Select(e => e.Status == 200 ? e.Action! : $"{e.Action}!{e.ErrorCode}").ToArray();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
