using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

public class DtlsSetupTests
{
    // RFC 4145 §4 / RFC 5763 §5 / RFC 8842 §5: active = DTLS client, passive = DTLS server; answering actpass we
    // choose active (client), which is what Meta's offers (a=setup:actpass) expect.
    [Theory]
    [InlineData("active", DtlsRole.Server)]
    [InlineData("passive", DtlsRole.Client)]
    [InlineData("actpass", DtlsRole.Client)]
    [InlineData(" ACTPASS ", DtlsRole.Client)]
    [InlineData("Active", DtlsRole.Server)]
    public void TryGetLocalRole_KnownValue_MapsToOurRole(string remoteSetup, DtlsRole expected)
    {
        Assert.True(DtlsSetup.TryGetLocalRole(remoteSetup, out DtlsRole role));
        Assert.Equal(expected, role);
        Assert.Equal(expected, DtlsSetup.GetLocalRole(remoteSetup));
    }

    [Theory]
    [InlineData("holdconn")]
    [InlineData("")]
    [InlineData("activepassive")]
    [InlineData("act pass")]
    public void TryGetLocalRole_NoAssociation_ReturnsFalse(string remoteSetup)
    {
        Assert.False(DtlsSetup.TryGetLocalRole(remoteSetup, out _));
        Assert.Throws<FormatException>(() => DtlsSetup.GetLocalRole(remoteSetup));
    }

    [Theory]
    [InlineData(DtlsRole.Client, "active")]
    [InlineData(DtlsRole.Server, "passive")]
    public void ToSetupValue_Role_GivesAnswerValue(DtlsRole role, string expected)
    {
        Assert.Equal(expected, DtlsSetup.ToSetupValue(role));
    }

    [Theory]
    [InlineData("actpass")]
    [InlineData("active")]
    [InlineData("passive")]
    public void RoundTrip_OurAnswerSeenByPeer_GivesPeerTheOppositeRole(string offererSetup)
    {
        // We answer the peer's offer; the peer then derives its role from our answer.
        DtlsRole ours = DtlsSetup.GetLocalRole(offererSetup);
        DtlsRole theirs = DtlsSetup.GetLocalRole(DtlsSetup.ToSetupValue(ours));

        Assert.NotEqual(ours, theirs);
    }
}
