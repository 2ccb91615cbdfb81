using System.Net;
using System.Text;

namespace CallGateway.Meta.Tests.Graph;

/// <summary>Stands in for graph.facebook.com: records each request and answers from a script.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public List<(HttpMethod Method, Uri Uri, string? Authorization, string Body)> Requests { get; } = [];

    public RecordingHandler Respond(HttpStatusCode status, string json)
    {
        _script.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        return this;
    }

    public RecordingHandler Throw(Exception ex)
    {
        _script.Enqueue(_ => throw ex);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        return _script.Count > 0
            ? _script.Dequeue()(request)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"messaging_product\":\"whatsapp\",\"success\":true}", Encoding.UTF8, "application/json") };
    }
}
