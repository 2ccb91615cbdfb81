using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CallGateway.Persistence;

/// <summary>
/// The gateway's database: calls, their history, the webhook inbox, the signal outbox and users' call permissions. The model is defined once, here; each
/// provider has a sealed subclass (<see cref="SqliteGatewayDbContext"/>, <see cref="PostgresGatewayDbContext"/>)
/// only so that EF Core keeps one migration set per provider (Migrations/Sqlite, Migrations/Postgres). The stores
/// depend on this base type alone.
/// </summary>
public abstract class GatewayDbContext : DbContext
{
    protected GatewayDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<CallRecord> Calls => Set<CallRecord>();
    public DbSet<CallTransitionRecord> CallTransitions => Set<CallTransitionRecord>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<SignalAttemptRecord> SignalAttempts => Set<SignalAttemptRecord>();
    public DbSet<SignalOutboxRecord> SignalOutbox => Set<SignalOutboxRecord>();
    public DbSet<CallPermissionRecord> CallPermissions => Set<CallPermissionRecord>();

    /// <summary>Serialises this process's writes where the database needs it (SQLite); explicit transactions enter it first.</summary>
    public virtual WriteGate WriteGate => WriteGate.None;

    /// <summary>
    /// Makes the next commits on this context's open connection survive a power loss, not only a process crash
    /// (where the provider distinguishes: SQLite's synchronous=FULL; PostgreSQL commits durably by default).
    /// </summary>
    public virtual Task MakeCommitDurableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.HasChanges() || Database.CurrentTransaction is not null)
        {
            // Nothing to write, or the caller's transaction already holds the gate.
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        using var lease = await WriteGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.HasChanges() || Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var lease = WriteGate.Enter();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Unix milliseconds: sortable and comparable on every provider (SQLite cannot order DateTimeOffset text).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<InboxStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CallRecord>(call =>
        {
            call.ToTable("calls");
            call.HasKey(c => c.Id);
            call.HasIndex(c => c.MetaCallId).IsUnique();
            call.HasIndex(c => new { c.Status, c.CreatedAt });
            call.HasIndex(c => c.CreatedAt);
            call.Property(c => c.Id).HasMaxLength(64);
            call.Property(c => c.MetaCallId).HasMaxLength(256);
            call.Property(c => c.Direction).HasMaxLength(16);
            call.Property(c => c.Status).HasMaxLength(16);
            call.Property(c => c.EndReason).HasMaxLength(32);
            call.Property(c => c.BizOpaqueCallbackData).HasMaxLength(512);
        });
        modelBuilder.Entity<CallTransitionRecord>(t =>
        {
            t.ToTable("call_transitions");
            t.HasKey(x => x.Id);
            t.HasIndex(x => new { x.CallId, x.Sequence }).IsUnique();
            t.Property(x => x.CallId).HasMaxLength(64);
            t.Property(x => x.Trigger).HasMaxLength(128);
        });
        modelBuilder.Entity<InboxMessage>(m =>
        {
            m.ToTable("webhook_inbox");
            m.HasKey(x => x.Id);
            m.HasIndex(x => x.DedupeKey).IsUnique();
            m.HasIndex(x => new { x.Status, x.Id });
            m.Property(x => x.DedupeKey).HasMaxLength(512);
            m.Property(x => x.Kind).HasMaxLength(32);
            m.Property(x => x.MetaCallId).HasMaxLength(256);
        });

        // Newer tables configure themselves (IEntityTypeConfiguration next to each entity).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        modelBuilder.Entity<CallPermissionRecord>(p =>
        {
            p.ToTable("call_permissions");
            p.HasKey(x => x.WaId);
            p.Property(x => x.WaId).HasMaxLength(32);
            p.Property(x => x.Status).HasMaxLength(32);
            p.Property(x => x.Origin).HasMaxLength(32);
            p.Property(x => x.Response).HasMaxLength(16);
            p.Property(x => x.ResponseSource).HasMaxLength(32);
            p.Property(x => x.ReplyMessageId).HasMaxLength(256);
            p.Property(x => x.ContextId).HasMaxLength(256);
        });
    }

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}
