using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CallGateway.Tests.Support;

/// <summary>
/// Plays graph.facebook.com for the gateway under test: records every request (method, path, bearer, body) and
/// answers like Meta does; individual actions can be scripted to fail with a Meta error.
/// </summary>
public sealed class FakeGraphHandler : HttpMessageHandler
{
    private int _nextCall;

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();

    /// <summary>Scripted answers by action ("connect", "pre_accept", …): status and body.</summary>
    public ConcurrentDictionary<string, (HttpStatusCode Status, string Body)> Failures { get; } = new();

    /// <summary>Transient outages by action: answer this status this many more times, then behave.</summary>
    public ConcurrentDictionary<string, (HttpStatusCode Status, int Remaining)> Outages { get; } = new();

    public IReadOnlyList<GraphRequest> CallActions => Requests.Where(r => r.Action is not null).ToList();

    public string[] Actions => CallActions.Select(r => r.Action!).ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        string? action = null;
        if (body.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            action = json.RootElement.TryGetProperty("action", out var a) ? a.GetString() : null;
        }

        Requests.Enqueue(new GraphRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query,
            request.Headers.Authorization?.ToString(), action, body));
        if (action is not null && Failures.TryGetValue(action, out var failure))
        {
            return Json(failure.Status, failure.Body);
        }

        if (action is not null && Outages.TryGetValue(action, out var outage) && outage.Remaining > 0)
        {
            Outages[action] = (outage.Status, outage.Remaining - 1);
            return Json(outage.Status, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"type\":\"OAuthException\",\"code\":2}}");
        }

        return action == "connect"
            ? Json(HttpStatusCode.OK, $"{{\"messaging_product\":\"whatsapp\",\"calls\":[{{\"id\":\"wacid.OUT{Interlocked.Increment(ref _nextCall)}\"}}]}}")
            : Json(HttpStatusCode.OK, "{\"messaging_product\":\"whatsapp\",\"success\":true}");
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

public sealed record GraphRequest(string Method, string Path, string Query, string? Authorization, string? Action, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
