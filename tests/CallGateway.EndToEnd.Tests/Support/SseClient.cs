using System.Collections.Concurrent;
using System.Text.Json;

namespace CallGateway.EndToEnd.Tests.Support;

/// <summary>Reads the gateway's Server-Sent Events stream in the background.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private SseClient(HttpResponseMessage response)
    {
        _reader = Task.Run(() => ReadAsync(response));
    }

    public ConcurrentQueue<(long Id, string Type, JsonElement Data)> Events { get; } = new();

    public static async Task<SseClient> ConnectAsync(HttpClient http, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseClient(response);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            long id = 0;
            string? type = null;
            while (!_stop.IsCancellationRequested && await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type is not null)
                {
                    Events.Enqueue((id, type, JsonDocument.Parse(line[6..]).RootElement.Clone()));
                    type = null;
                }
            }
        }
    }
}
