using System.Net;
using CallGateway.Persistence.Tests.Support;
using CallGateway.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallGateway.Tests;

/// <summary>The whole gateway with <c>Storage:Provider=Postgres</c>, on a database of its own on a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGatewayTests(PostgresFixture postgres) : IAsyncLifetime
{
    private string? _connectionString;

    public async Task InitializeAsync()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        _connectionString = await postgres.Server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await postgres.Server.DropDatabaseAsync(_connectionString);
        }
    }

    [SkippableFact]
    public async Task Gateway_OnPostgres_MigratesAtStart_StoresEachWebhookOnce_AndRunsTheCall()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = _connectionString,
        });
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        // Meta redelivers: the same connect three times at once, then the terminate twice.
        var connects = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => GatewayFactory.PostWebhookAsync(client, TestWebhooks.UserConnect("wacid.PG"))));
        Assert.All(connects, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await GatewayFactory.Eventually(async () => await StatusAsync(gateway) == "Accepted", "the call to be accepted");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await GatewayFactory.PostWebhookAsync(client, TestWebhooks.Terminate("wacid.PG", duration: 9))).StatusCode);
        }

        await GatewayFactory.Eventually(async () => await StatusAsync(gateway) == "Terminated", "the call to end");
        await using var db = gateway.OpenDatabase();
        Assert.True(db.Database.IsNpgsql());
        Assert.Equal(2, await db.Inbox.CountAsync());
        var call = await db.Calls.SingleAsync();
        Assert.Equal(9, call.DurationSeconds);
        var history = await db.CallTransitions.Where(t => t.CallId == call.Id).OrderBy(t => t.Sequence).Select(t => t.To).ToListAsync();
        Assert.Equal(history.Distinct().Count(), history.Count);
        Assert.Equal("Terminated", history[^1]);
        Assert.Equal(["pre_accept", "accept"], gateway.Graph.Actions);

        // A first start on an empty database logs no (false) errors, e.g. about the missing migration history table.
        Assert.DoesNotContain(gateway.Logs.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
        var password = new NpgsqlConnectionStringBuilder(_connectionString).Password;
        if (!string.IsNullOrEmpty(password))
        {
            Assert.DoesNotContain(gateway.Logs.Rendered(), line => line.Contains(password, StringComparison.Ordinal));
        }
    }

    private static async Task<string?> StatusAsync(GatewayFactory gateway)
    {
        await using var db = gateway.OpenDatabase();
        return await db.Calls.Where(c => c.MetaCallId == "wacid.PG").Select(c => c.Status).FirstOrDefaultAsync();
    }
}
