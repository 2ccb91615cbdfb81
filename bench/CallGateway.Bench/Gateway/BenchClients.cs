using System.Net.Http.Json;
using System.Text.Json;

namespace CallGateway.Bench.Gateway;

/// <summary>The gateway's REST API as the bench uses it (with the bench's API key).</summary>
internal sealed class GatewayApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", GatewayConfig.ApiKey } } };

    public async Task<IReadOnlyList<JsonElement>> ListCallsAsync(bool openOnly, int limit = 500)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"/api/calls?limit={limit}&open={(openOnly ? "true" : "false")}", UriKind.Relative)));
        return document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public async Task<JsonElement> GetCallAsync(string id)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"/api/calls/{id}", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    public async Task SetEchoAsync(string id, bool enabled)
    {
        using var response = await _http.PutAsJsonAsync(new Uri($"/api/calls/{id}/echo", UriKind.Relative), new { enabled });
        response.EnsureSuccessStatusCode();
    }

    public async Task HangupAsync(string id)
    {
        using var response = await _http.PostAsync(new Uri($"/api/calls/{id}/hangup", UriKind.Relative), null);
    }

    /// <summary>The call's media-stream WebSocket at <paramref name="sampleRate"/>.</summary>
    public Uri MediaStreamUri(string id, int sampleRate) =>
        new UriBuilder(new Uri(_http.BaseAddress!, $"/api/calls/{id}/media")) { Scheme = "ws", Query = $"sampleRate={sampleRate}" }.Uri;

    public void Dispose() => _http.Dispose();
}

/// <summary>The standalone sandbox's control API: users calling the business, hanging up, and what the phones heard.</summary>
internal sealed class SandboxApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The simulated user <paramref name="number"/> calls the business; returns Meta's call id (wacid).</summary>
    public async Task<string> UserCallsAsync(string number)
    {
        using var response = await _http.PostAsJsonAsync(new Uri($"/sandbox/users/{number}/calls", UriKind.Relative), new { });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The user calls with an outside phone's SDP offer (the sandbox relays it and publishes the business's answer).</summary>
    public async Task<string> UserCallsWithOfferAsync(string number, string sdpOffer)
    {
        using var response = await _http.PostAsJsonAsync(new Uri($"/sandbox/users/{number}/calls", UriKind.Relative), new { sdpOffer });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("id").GetString()!;
    }

    public async Task HangupAsync(string wacid)
    {
        using var response = await _http.PostAsync(new Uri($"/sandbox/calls/{wacid}/hangup", UriKind.Relative), null);
    }

    public async Task<JsonElement> GetCallAsync(string wacid)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"/sandbox/calls/{wacid}", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A gateway and a standalone sandbox, each in its own process, wired to each other on loopback.</summary>
internal sealed class GatewayWithSandbox : IAsyncDisposable
{
    private GatewayWithSandbox(ServiceProcess gateway, ServiceProcess sandbox, GatewayApi api, SandboxApi meta)
    {
        Gateway = gateway;
        Sandbox = sandbox;
        Api = api;
        Meta = meta;
    }

    public ServiceProcess Gateway { get; }
    public ServiceProcess Sandbox { get; }
    public GatewayApi Api { get; }
    public SandboxApi Meta { get; }

    public static async Task<GatewayWithSandbox> StartAsync(string work, IEnumerable<string> extraGatewayArgs, IEnumerable<string>? extraSandboxArgs = null)
    {
        var gatewayPort = ServiceProcess.FreePort();
        var sandboxPort = ServiceProcess.FreePort();
        using var http = new HttpClient();
        var sandboxArgs = GatewayConfig.Sandbox(sandboxPort, gatewayPort);
        sandboxArgs.AddRange(extraSandboxArgs ?? []);
        var sandbox = ServiceProcess.Start(RepoLayout.SandboxHostDll, sandboxArgs, Path.Combine(work, "sandbox.log"));
        var gatewayArgs = GatewayConfig.Gateway(gatewayPort, Path.Combine(work, "gateway.db"), $"http://127.0.0.1:{sandboxPort}/sandbox/graph");
        gatewayArgs.AddRange(extraGatewayArgs);
        var gateway = ServiceProcess.Start(RepoLayout.GatewayDll, gatewayArgs, Path.Combine(work, "gateway.log"));
        await sandbox.WaitHealthyAsync(http, new Uri($"http://127.0.0.1:{sandboxPort}/sandbox/calls"), TimeSpan.FromSeconds(60));
        await gateway.WaitHealthyAsync(http, new Uri($"http://127.0.0.1:{gatewayPort}/healthz"), TimeSpan.FromSeconds(60));
        return new GatewayWithSandbox(gateway, sandbox, new GatewayApi(new Uri($"http://127.0.0.1:{gatewayPort}")), new SandboxApi(new Uri($"http://127.0.0.1:{sandboxPort}")));
    }

    /// <summary>Our call id for Meta's <paramref name="wacid"/>, once the gateway knows the call (null after <paramref name="timeout"/>).</summary>
    public async Task<string?> FindCallAsync(string wacid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = (await Api.ListCallsAsync(openOnly: false, limit: 50)).FirstOrDefault(c => c.GetProperty("metaCallId").GetString() == wacid);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match.GetProperty("id").GetString();
            }

            await Task.Delay(20);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Meta.Dispose();
        await Gateway.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
