using CallGateway.Calls.Ports;
using CallGateway.Persistence.Inbox;
using CallGateway.Persistence.Signaling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallGateway.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the database (SQLite by default), the call store and the webhook inbox.</summary>
    public static IServiceCollection AddCallGatewayPersistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlitePath), "Storage:SqlitePath is required when Storage:Provider is Sqlite.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContextFactory<GatewayDbContext>((sp, db) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            db.UseSqlite(SqliteConnectionString(storage.SqlitePath));
            db.AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
        });
        services.AddSingleton<ICallStore, EfCallStore>();
        services.AddSingleton<IWebhookInbox, EfWebhookInbox>();
        services.AddSingleton<ISignalAttemptStore, EfSignalAttemptStore>();
        services.AddSingleton<ISignalOutbox, EfSignalOutbox>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    internal static string SqliteConnectionString(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30, Pooling = true }.ToString();
    }
}
