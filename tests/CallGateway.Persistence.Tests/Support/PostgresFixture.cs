namespace CallGateway.Persistence.Tests.Support;

/// <summary>
/// One PostgreSQL server for the tests of a collection (<see cref="PostgresServer"/>). When no server can be had the
/// fixture fails, and so does every PostgreSQL test. The only way to skip them is the explicit opt-out
/// <c>CALLGATEWAY_TEST_SKIP_POSTGRES=1</c>, for a laptop without PostgreSQL; CI (<c>CI=true</c>) ignores it.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string SkipVariable = "CALLGATEWAY_TEST_SKIP_POSTGRES";

    private PostgresServer? _server;

    /// <summary>Set when the tests are to be skipped (opt-out), null otherwise.</summary>
    public string? SkipReason { get; private set; }

    public PostgresServer Server => _server ?? throw new InvalidOperationException(SkipReason ?? "The PostgreSQL server has not started.");

    public async Task InitializeAsync()
    {
        var optedOut = Environment.GetEnvironmentVariable(SkipVariable) is "1" or "true";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (optedOut && !ci)
        {
            SkipReason = $"PostgreSQL tests skipped: {SkipVariable} is set.";
            return;
        }

        _server = await PostgresServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The PostgreSQL tests share one server (and run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
