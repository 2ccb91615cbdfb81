using CallGateway.Meta.Webhooks;
using CallGateway.Persistence;
using CallGateway.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CallGateway.Permissions;

/// <summary>The <c>call_permissions</c> table: users' replies to permission requests, and what Meta last reported.</summary>
public sealed class CallPermissionStore(IDbContextFactory<GatewayDbContext> contexts, TimeProvider time)
{
    public const string FromReply = "call_permission_reply";
    public const string FromGraph = "call_permissions";

    public async Task<CallPermissionRecord?> GetAsync(string waId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.CallPermissions.AsNoTracking().FirstOrDefaultAsync(p => p.WaId == waId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores a user's reply; false when a newer reply is already stored (replies can arrive out of order).</summary>
    public Task<bool> ApplyReplyAsync(string waId, CallPermissionReplyNotification reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var accepted = string.Equals(reply.Response, "accept", StringComparison.Ordinal);
        var repliedAt = reply.Timestamp > 0 ? DateTimeOffset.FromUnixTimeSeconds(reply.Timestamp) : time.GetUtcNow();
        return UpsertAsync(waId, row =>
        {
            if (row.RepliedAt is { } stored && stored > repliedAt)
            {
                return false;
            }

            row.Status = !accepted ? PermissionStatuses.NoPermission : reply.IsPermanent ? PermissionStatuses.Permanent : PermissionStatuses.Temporary;
            row.ExpiresAt = accepted && !reply.IsPermanent && reply.ExpirationTimestamp is long end and > 0 ? DateTimeOffset.FromUnixTimeSeconds(end) : null;
            row.Origin = FromReply;
            row.Response = reply.Response;
            row.ResponseSource = reply.ResponseSource;
            row.ReplyMessageId = reply.MessageId;
            row.ContextId = reply.ContextId;
            row.RepliedAt = repliedAt;
            return true;
        }, cancellationToken);
    }

    /// <summary>Records what Meta's call_permissions reported, keeping the last reply's details.</summary>
    public Task<bool> RecordFetchedAsync(CallPermissionSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return UpsertAsync(snapshot.WaId, row =>
        {
            row.Status = snapshot.Status ?? "";
            row.ExpiresAt = snapshot.ExpiresAt;
            row.Origin = FromGraph;
            return true;
        }, cancellationToken);
    }

    private async Task<bool> UpsertAsync(string waId, Func<CallPermissionRecord, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.CallPermissions.FirstOrDefaultAsync(p => p.WaId == waId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new CallPermissionRecord { WaId = waId };
                db.CallPermissions.Add(row);
            }

            if (!change(row))
            {
                return false;
            }

            row.UpdatedAt = time.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another writer inserted the same user first: read their row and apply the change to it.
            }
        }
    }
}
