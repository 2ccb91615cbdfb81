using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using CallGateway.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace CallGateway.Tests.Settings;

/// <summary>
/// Graph for the settings and permission endpoints: answers by route ("GET settings", "GET call_permissions",
/// "POST messages", ...) with scripted bodies and records every request. Call actions answer like
/// <see cref="FakeGraphHandler"/> (connect returns a wacid).
/// </summary>
internal sealed class ScriptedGraphHandler : HttpMessageHandler
{
    private int _nextCall;

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, Func<GraphRequest, (HttpStatusCode Status, string Body)>> Routes { get; } = new(StringComparer.Ordinal);

    public void Respond(string route, HttpStatusCode status, string body) => Routes[route] = _ => (status, body);

    public IReadOnlyList<GraphRequest> To(string route) => Requests.Where(r => RouteOf(r) == route).ToList();

    /// <summary>The gateway with this handler in place of Graph (the rest as <see cref="GatewayFactory"/> sets it up).</summary>
    public WebApplicationFactory<Program> Attach(GatewayFactory gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return gateway.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<HttpClientFactoryOptions>("IMetaGraphClient", o => o.HttpMessageHandlerBuilderActions.Add(h => h.PrimaryHandler = this))));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        string? action = null;
        if (body.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            action = json.RootElement.TryGetProperty("action", out var a) ? a.GetString() : null;
        }

        var recorded = new GraphRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query,
            request.Headers.Authorization?.ToString(), action, body);
        Requests.Enqueue(recorded);
        if (Routes.TryGetValue(RouteOf(recorded), out var route))
        {
            var (status, text) = route(recorded);
            return Json(status, text);
        }

        return action == "connect"
            ? Json(HttpStatusCode.OK, $"{{\"messaging_product\":\"whatsapp\",\"calls\":[{{\"id\":\"wacid.OUT{Interlocked.Increment(ref _nextCall)}\"}}]}}")
            : Json(HttpStatusCode.OK, "{\"messaging_product\":\"whatsapp\",\"success\":true}");
    }

    private static string RouteOf(GraphRequest r) => $"{r.Method} {r.Path[(r.Path.LastIndexOf('/') + 1)..]}";

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
