using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallGateway.Persistence;

/// <summary>The gateway's database on SQLite (the embedded default); its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteGatewayDbContext(DbContextOptions<SqliteGatewayDbContext> options) : GatewayDbContext(options)
{
    private WriteGate? _writeGate;

    /// <summary>One writer at a time per database file in this process (see <see cref="Persistence.WriteGate"/>).</summary>
    public override WriteGate WriteGate =>
        _writeGate ??= WriteGate.ForFile(new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource);

    /// <summary>synchronous=FULL for this connection until it is closed (each open resets it to NORMAL).</summary>
    public override async Task MakeCommitDurableAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", cancellationToken).ConfigureAwait(false);

    /// <summary>Points <paramref name="builder"/> at the SQLite file <paramref name="path"/> (its folder is created).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(ConnectionString(path));
    }

    internal static string ConnectionString(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30, Pooling = true }.ToString();
    }
}

/// <summary>
/// For <c>dotnet ef migrations add … --context SqliteGatewayDbContext</c> only: the tools build the model from this
/// (no database is opened). See README, "How to add a migration".
/// </summary>
public sealed class SqliteGatewayDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGatewayDbContext>
{
    public SqliteGatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGatewayDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
