using System.Diagnostics;

namespace CallGateway.Meta.Graph;

/// <summary>
/// Sits inside the retry pipeline, so it sees every attempt of a request: reports each one (call, action, attempt
/// number, outcome, duration) to the <see cref="IGraphAttemptObserver"/>s.
/// </summary>
public sealed class GraphAttemptRecorder(IEnumerable<IGraphAttemptObserver> observers, TimeProvider time) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("CallGateway.Graph.Attempt");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempt = (request.Options.TryGetValue(AttemptKey, out var previous) ? previous : 0) + 1;
        request.Options.Set(AttemptKey, attempt);
        request.Options.TryGetValue(GraphRequestOptions.Operation, out var operation);
        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            Report(new GraphAttempt(GraphCallContext.CallId, operation ?? request.RequestUri?.ToString() ?? "?", attempt, at,
                Stopwatch.GetElapsedTime(started), status, response.IsSuccessStatusCode ? null : $"HTTP {status}"));
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            Report(new GraphAttempt(GraphCallContext.CallId, operation ?? "?", attempt, at, Stopwatch.GetElapsedTime(started), null,
                ex is OperationCanceledException ? "timeout" : ex.Message));
            throw;
        }
    }

    private void Report(GraphAttempt attempt)
    {
        foreach (var observer in observers)
        {
            observer.OnAttempt(attempt);
        }
    }
}
