using CallGateway.Calls.Ports;
using CallGateway.Persistence.Inbox;
using CallGateway.Persistence.Signaling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallGateway.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (<c>Storage:Provider</c>: SQLite by default, or PostgreSQL), the call store, the webhook
    /// inbox and the signal stores. Both providers' context factories are registered; the one that
    /// <see cref="StorageOptions.Provider"/> names is the <see cref="IDbContextFactory{GatewayDbContext}"/> the stores use.
    /// </summary>
    public static IServiceCollection AddCallGatewayPersistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContextFactory<SqliteGatewayDbContext>((sp, db) =>
        {
            SqliteGatewayDbContext.Configure(db, Storage(sp).SqlitePath);
            db.AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
        });
        services.AddDbContextFactory<PostgresGatewayDbContext>((sp, db) =>
            PostgresGatewayDbContext.Configure(db, Storage(sp).PostgresConnectionString!));
        services.AddSingleton<IDbContextFactory<GatewayDbContext>>(sp => Storage(sp).Provider switch
        {
            StorageProvider.Postgres => new GatewayDbContextFactory<PostgresGatewayDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresGatewayDbContext>>()),
            _ => new GatewayDbContextFactory<SqliteGatewayDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteGatewayDbContext>>()),
        });
        services.AddSingleton<ICallStore, EfCallStore>();
        services.AddSingleton<IWebhookInbox, EfWebhookInbox>();
        services.AddSingleton<ISignalAttemptStore, EfSignalAttemptStore>();
        services.AddSingleton<ISignalOutbox, EfSignalOutbox>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    // Reading .Value runs the validator, so a bad Storage section stops start-up with its message.
    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    /// <summary>Hands out the configured provider's context as the provider-neutral base type.</summary>
    private sealed class GatewayDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<GatewayDbContext>
        where TContext : GatewayDbContext
    {
        public GatewayDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<GatewayDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }
}
