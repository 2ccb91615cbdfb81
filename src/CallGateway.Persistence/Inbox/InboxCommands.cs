using System.Data.Common;

namespace CallGateway.Persistence.Inbox;

/// <summary>The inbox INSERT, created once per transaction and re-run with new parameter values.</summary>
internal sealed class InboxInsertCommand(DbConnection connection, DbTransaction transaction, DateTimeOffset committedAt) : IDisposable
{
    private const string Sql = """
        INSERT INTO "webhook_inbox" ("DedupeKey", "Kind", "MetaCallId", "Payload", "ReceivedAt", "Status", "Attempts")
        VALUES (@key, @kind, @call, @payload, @at, 'Pending', 0)
        ON CONFLICT ("DedupeKey") DO NOTHING
        """;

    private DbCommand? _command;
    private DbParameter _key = null!, _kind = null!, _call = null!, _payload = null!, _at = null!;

    /// <summary>Inserts the events; returns how many were new (the others were already stored).</summary>
    public async Task<int> RunAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var command = _command ??= Create();
        var stored = 0;
        foreach (var item in items)
        {
            _key.Value = item.DedupeKey;
            _kind.Value = item.Kind;
            _call.Value = (object?)item.MetaCallId ?? DBNull.Value;
            _payload.Value = item.Payload;
            _at.Value = (item.ReceivedAt ?? committedAt).ToUnixTimeMilliseconds();
            stored += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    public void Dispose() => _command?.Dispose();

    private DbCommand Create()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        _key = command.Add("@key");
        _kind = command.Add("@kind");
        _call = command.Add("@call");
        _payload = command.Add("@payload");
        _at = command.Add("@at");
        return command;
    }
}

/// <summary>The inbox status UPDATE (processed, deferred or dead), created once per transaction.</summary>
internal sealed class InboxUpdateCommand(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private const string Sql = """
        UPDATE "webhook_inbox" SET "Status" = @status, "Attempts" = "Attempts" + 1, "ProcessedAt" = @processed,
            "NextAttemptAt" = @next, "Outcome" = @outcome
        WHERE "Id" = @id
        """;

    private DbCommand? _command;
    private DbParameter _id = null!, _status = null!, _processed = null!, _next = null!, _outcome = null!;

    public Task<int> RunAsync(PendingStatusChange change, CancellationToken cancellationToken)
    {
        var command = _command ??= Create();
        _id.Value = change.Id;
        _status.Value = change.Status.ToString();
        _processed.Value = change.ProcessedAt is { } p ? p.ToUnixTimeMilliseconds() : DBNull.Value;
        _next.Value = change.NextAttemptAt is { } n ? n.ToUnixTimeMilliseconds() : DBNull.Value;
        _outcome.Value = change.Outcome;
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _command?.Dispose();

    private DbCommand Create()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        _id = command.Add("@id");
        _status = command.Add("@status");
        _processed = command.Add("@processed");
        _next = command.Add("@next");
        _outcome = command.Add("@outcome");
        return command;
    }
}

internal static class DbCommandParameters
{
    public static DbParameter Add(this DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
