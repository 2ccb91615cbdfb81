namespace CallGateway.Meta.Graph;

/// <summary>Which call the Graph requests made in this async flow are for (so each attempt can be recorded on it).</summary>
public static class GraphCallContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? CallId => Current.Value;

    /// <summary>Sets the call for the duration of the returned scope.</summary>
    public static IDisposable Begin(string callId)
    {
        var previous = Current.Value;
        Current.Value = callId;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
