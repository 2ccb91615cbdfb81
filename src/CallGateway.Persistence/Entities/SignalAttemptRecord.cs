using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CallGateway.Persistence.Entities;

/// <summary>Row of <c>call_signal_attempts</c>: one try of a Graph request made for a call.</summary>
public sealed class SignalAttemptRecord
{
    public long Id { get; set; }
    public string CallId { get; set; } = "";
    public string Operation { get; set; } = "";
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
    public int DurationMs { get; set; }
    public int? Status { get; set; }
    public string? Error { get; set; }
}

internal sealed class SignalAttemptRecordConfiguration : IEntityTypeConfiguration<SignalAttemptRecord>
{
    public void Configure(EntityTypeBuilder<SignalAttemptRecord> builder)
    {
        builder.ToTable("call_signal_attempts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.CallId, a.Id });
        builder.Property(a => a.CallId).HasMaxLength(64);
        builder.Property(a => a.Operation).HasMaxLength(64);
        builder.Property(a => a.Error).HasMaxLength(500);
    }
}
