using Microsoft.Extensions.Logging;

namespace CallGateway.Media.Session;

/// <summary>
/// Puts the call id on every line a media component logs, including lines written from timer and socket threads
/// where no ambient logging scope exists.
/// </summary>
internal sealed class CallScopedLogger<T>(ILogger inner, string callId) : ILogger<T>
{
    private readonly Dictionary<string, object?> _scope = new() { ["CallId"] = callId };

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        using (inner.BeginScope(_scope))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
