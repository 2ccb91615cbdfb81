using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallGateway.Persistence.Entities;

/// <summary>
/// Row of <c>signal_outbox</c>: a call action Meta has not confirmed yet (a terminate during an outage, an accept
/// that timed out). A background worker retries it with backoff until it succeeds, fails for good, or its deadline
/// passes; it survives a restart.
/// </summary>
public sealed class SignalOutboxRecord
{
    public long Id { get; set; }
    public string CallId { get; set; } = "";
    public string Action { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Done,
    /// <summary>Failed for good (Meta refused it, or the deadline passed).</summary>
    Dead,
}

internal sealed class SignalOutboxRecordConfiguration : IEntityTypeConfiguration<SignalOutboxRecord>
{
    public void Configure(EntityTypeBuilder<SignalOutboxRecord> builder)
    {
        builder.ToTable("signal_outbox");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.CallId);
        builder.Property(o => o.CallId).HasMaxLength(64);
        builder.Property(o => o.Action).HasMaxLength(16);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.LastError).HasMaxLength(1000);
    }
}
