using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CallGateway.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CallGateway.EndToEnd.Tests.Support;

/// <summary>An internal system's webhook endpoint on 127.0.0.1: records deliveries and checks their signatures.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, string url, int failFirst)
    {
        _app = app;
        Url = url;
        _failuresLeft = failFirst;
    }

    public string Url { get; }

    public ConcurrentQueue<(string Id, bool SignatureValid, JsonElement Body)> Deliveries { get; } = new();

    public int Refused;

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, $"http://127.0.0.1:{port}/hooks", failFirst);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref Refused);
            return Results.StatusCode(503);
        }

        var id = request.Headers[StandardWebhookSignature.IdHeader].ToString();
        var timestamp = long.Parse(request.Headers[StandardWebhookSignature.TimestampHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var valid = StandardWebhookSignature.Verify(Secret, id, timestamp, body, request.Headers[StandardWebhookSignature.SignatureHeader].ToString());
        Deliveries.Enqueue((id, valid, JsonDocument.Parse(body).RootElement.Clone()));
        return Results.Ok();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
