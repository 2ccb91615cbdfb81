using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallGateway.Persistence;

/// <summary>The gateway's database on PostgreSQL (Npgsql); its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresGatewayDbContext(DbContextOptions<PostgresGatewayDbContext> options) : GatewayDbContext(options)
{
    /// <summary>Points <paramref name="builder"/> at PostgreSQL. The connection string holds a password: never log it.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString);
    }
}

/// <summary>
/// For <c>dotnet ef migrations add … --context PostgresGatewayDbContext</c> only: the tools build the model from this
/// (no server is contacted). See README, "How to add a migration".
/// </summary>
public sealed class PostgresGatewayDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGatewayDbContext>
{
    public PostgresGatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGatewayDbContext>().UseNpgsql("Host=localhost;Database=callgateway_design").Options);
}
