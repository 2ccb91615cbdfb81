using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallGateway.Persistence;
using CallGateway.Persistence.Entities;
using CallGateway.Tests.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallGateway.Tests.Permissions;

/// <summary>POST /api/calls checks the user's call permission before dialing, unless forced.</summary>
public sealed class PlaceCallPermissionTests : IDisposable
{
    private const string User = "14085551234";
    private readonly ScriptedGateway _scripted = new();

    public void Dispose() => _scripted.Dispose();

    [Fact]
    public async Task NoPermission_Is409AndNothingIsDialed()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK,
            """{"permission":{"status":"no_permission"},"actions":[{"action_name":"start_call","can_perform_action":false,"limits":[]}]}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = "+" + User });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("no call permission from 14085551234 (status no_permission)", problem.GetProperty("detail").GetString());
        Assert.Equal(138006, problem.GetProperty("metaErrorCode").GetInt32());
        Assert.Equal("no_permission", problem.GetProperty("permissionStatus").GetString());
        Assert.DoesNotContain(_scripted.Graph.Requests, r => r.Action is not null);
        Assert.Empty(_scripted.Gateway.Media.Sessions);
    }

    [Fact]
    public async Task Force_SkipsTheCheck()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK, """{"permission":{"status":"no_permission"},"actions":[]}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = User, force = true });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(_scripted.Graph.To("GET call_permissions"));
        Assert.Equal(["connect"], _scripted.Graph.Requests.Where(r => r.Action is not null).Select(r => r.Action));
    }

    [Fact]
    public async Task Permission_LetsTheCallThrough()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(5).ToUnixTimeSeconds();
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK,
            $$"""{"permission":{"status":"temporary","expiration_time":{{expires}}},"actions":[{"action_name":"start_call","can_perform_action":true,"limits":[{"time_period":"PT24H","max_allowed":100,"current_usage":3}]}]}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = User });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"?user_wa_id={User}", Assert.Single(_scripted.Graph.To("GET call_permissions")).Query);
        Assert.Single(_scripted.Graph.Requests, r => r.Action == "connect");
    }

    [Fact]
    public async Task CallLimitReached_Is409With138012()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.OK,
            """{"permission":{"status":"permanent"},"actions":[{"action_name":"start_call","can_perform_action":false,"limits":[{"time_period":"PT24H","max_allowed":100,"current_usage":100}]}]}""");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = User });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(138012, problem.GetProperty("metaErrorCode").GetInt32());
        Assert.StartsWith("call limit reached for 14085551234: 100 of 100 calls per PT24H", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetaUnreachable_TheStoredRejectionDecides()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.ServiceUnavailable, "down");
        await using (var db = _scripted.App.Services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContext())
        {
            db.CallPermissions.Add(new CallPermissionRecord
            {
                WaId = User, Status = "no_permission", Origin = "call_permission_reply", Response = "reject", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var response = await _scripted.Client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = User });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("stored", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task MetaUnreachableAndNothingStored_MetaDecides()
    {
        _scripted.Graph.Respond("GET call_permissions", HttpStatusCode.ServiceUnavailable, "down");

        var response = await _scripted.Client.PostAsJsonAsync(new Uri("/api/calls", UriKind.Relative), new { to = User });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(_scripted.Graph.Requests, r => r.Action == "connect");
    }
}
