using System.Globalization;
using CallGateway.Meta.Graph;
using CallGateway.Permissions;
using CallGateway.Persistence.Entities;

namespace CallGateway.Tests.Permissions;

/// <summary>When the gateway refuses to dial: Meta's status and start_call, or the stored state when Meta cannot be asked.</summary>
public sealed class CallPermissionGateTests
{
    private const string User = "14085551234";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-01T12:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Judge_NoPermission_Refuses138006()
    {
        var refusal = CallPermissionGate.Judge(Snapshot("no_permission", null, StartCall(false)), Now);

        Assert.NotNull(refusal);
        Assert.Equal("no call permission from 14085551234 (status no_permission)", refusal.Detail);
        Assert.Equal(138006, refusal.MetaErrorCode);
        Assert.Equal("no_permission", refusal.Status);
    }

    [Fact]
    public void Judge_TemporaryPastItsExpiry_RefusesAsExpired()
    {
        var refusal = CallPermissionGate.Judge(Snapshot("temporary", Now.AddSeconds(-1), StartCall(true)), Now);
        Assert.Equal("no call permission from 14085551234 (status expired)", refusal?.Detail);
    }

    [Theory]
    [InlineData("temporary")]
    [InlineData("permanent")]
    public void Judge_PermissionAndStartCallAllowed_Passes(string status) =>
        Assert.Null(CallPermissionGate.Judge(Snapshot(status, Now.AddDays(3), StartCall(true)), Now));

    [Fact]
    public void Judge_StartCallLimitReached_Refuses138012WithTheLimit()
    {
        var limit = new CallPermissionLimit("PT24H", 5, 5, 1780329600);
        var refusal = CallPermissionGate.Judge(Snapshot("temporary", Now.AddDays(3), new CallPermissionAction("start_call", false, [limit])), Now);

        Assert.NotNull(refusal);
        Assert.Equal(138012, refusal.MetaErrorCode);
        Assert.Equal("call limit reached for 14085551234: 5 of 5 calls per PT24H until 2026-06-01T16:00:00Z (status temporary)", refusal.Detail);
    }

    [Fact]
    public void Judge_StartCallRefusedWithoutAReason_StillRefuses()
    {
        var refusal = CallPermissionGate.Judge(Snapshot("permanent", null, StartCall(false)), Now);
        Assert.NotNull(refusal);
        Assert.Null(refusal.MetaErrorCode);
    }

    [Fact]
    public void Judge_NothingKnown_LetsMetaDecide() =>
        Assert.Null(CallPermissionGate.Judge(new CallPermissionSnapshot(User, null, null, []), Now));

    [Theory]
    [InlineData("no_permission", 0, true)]
    [InlineData("temporary", -60, true)]
    [InlineData("temporary", 60, false)]
    [InlineData("permanent", 0, false)]
    public void Judge_Stored(string status, int expiresInSeconds, bool refused)
    {
        var stored = new CallPermissionRecord { WaId = User, Status = status, ExpiresAt = expiresInSeconds == 0 ? null : Now.AddSeconds(expiresInSeconds) };
        var refusal = CallPermissionGate.Judge(stored, Now);
        Assert.Equal(refused, refusal is not null);
        Assert.Equal(refused ? "stored" : null, refusal?.Source);
    }

    [Fact]
    public void Effective_TemporaryAtItsExpiry_IsExpired()
    {
        Assert.Equal("expired", PermissionStatuses.Effective("temporary", Now, Now));
        Assert.Equal("temporary", PermissionStatuses.Effective("temporary", null, Now));
        Assert.Equal("permanent", PermissionStatuses.Effective("permanent", Now.AddDays(-1), Now));
    }

    private static CallPermissionSnapshot Snapshot(string status, DateTimeOffset? expires, CallPermissionAction startCall) =>
        new(User, status, expires, [new CallPermissionAction("send_call_permission_request", true, []), startCall]);

    private static CallPermissionAction StartCall(bool can) => new("start_call", can, [new CallPermissionLimit("PT24H", 100, 0, null)]);
}
