using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallGateway.Persistence.Tests.Support;

/// <summary>
/// Base of the behaviour tests that run on every provider: each test gets a fresh database, migrated by the real
/// <see cref="DatabaseInitializer"/>, and the stores wired by the real <c>AddCallGatewayPersistence</c>. A behaviour
/// class is abstract; one sealed subclass per provider runs it.
/// </summary>
public abstract class StorageTestBase(ITestStorage storage) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    /// <summary>The stores' clock (a fixed instant with milliseconds, to check they survive the round trip).</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, 123, TimeSpan.Zero));

    protected ITestStorage Storage => storage;

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    protected IReadOnlyDictionary<string, string?> Settings => _database?.Settings ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Skip.If(storage.SkipReason is not null, storage.SkipReason);
        _database = await storage.CreateDatabaseAsync();
        _services = BuildServices(_database.Settings, Time);
        await Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The persistence services as the gateway registers them, on <paramref name="settings"/>.</summary>
    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddCallGatewayPersistence();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected GatewayDbContext OpenDatabase() => Get<IDbContextFactory<GatewayDbContext>>().CreateDbContext();
}
