using CallGateway.Media.Srtp;
using static CallGateway.Media.Tests.Srtp.SrtpTestPackets;

namespace CallGateway.Media.Tests.Srtp;

public class SrtpKeyingMaterialTests
{
    private static byte[] Material(SrtpProfile profile)
    {
        var material = new byte[profile.GetKeyingMaterialLength()];
        for (int i = 0; i < material.Length; i++)
        {
            material[i] = (byte)((i * 31) + 7);
        }

        return material;
    }

    [Theory]
    [MemberData(nameof(Profiles), MemberType = typeof(SrtpTestPackets))]
    public void CreateContexts_ClientAndServer_InteroperateBothWays(SrtpProfile profile)
    {
        byte[] material = Material(profile);
        SrtpKeyingMaterial.CreateContexts(profile, material, isDtlsClient: true, out var clientOut, out var clientIn);
        SrtpKeyingMaterial.CreateContexts(profile, material, isDtlsClient: false, out var serverOut, out var serverIn);
        using (clientOut)
        using (clientIn)
        using (serverOut)
        using (serverIn)
        {
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(serverIn, ProtectRtp(clientOut, 1, 1)).Result);
            Assert.Equal(SrtpResult.Ok, UnprotectRtp(clientIn, ProtectRtp(serverOut, 2, 1)).Result);
            Assert.Equal(SrtpResult.Ok, UnprotectRtcp(serverIn, ProtectRtcp(clientOut, 1)).Result);

            // Each direction has its own keys: our own packets do not authenticate on our inbound context.
            Assert.Equal(SrtpResult.AuthenticationFailed, UnprotectRtp(clientIn, ProtectRtp(clientOut, 3, 1)).Result);
        }
    }

    [Fact]
    public void CreateContexts_Rfc5764Layout_ClientWriteKeyIsFirstAndClientSaltThird()
    {
        // RFC 5764 §4.2: client key | server key | client salt | server salt.
        const SrtpProfile profile = SrtpProfile.AesCm128HmacSha1_80;
        byte[] material = Material(profile);
        SrtpKeyingMaterial.CreateContexts(profile, material, isDtlsClient: true, out var outbound, out var inbound);
        using (outbound)
        using (inbound)
        using (var expected = new SrtpContext(profile, material.AsSpan(0, 16), material.AsSpan(32, 14)))
        {
            Assert.Equal(ProtectRtp(expected, 9, 9), ProtectRtp(outbound, 9, 9));
        }
    }

    [Fact]
    public void CreateContexts_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => SrtpKeyingMaterial.CreateContexts(
            SrtpProfile.AeadAes128Gcm, new byte[59], isDtlsClient: true, out _, out _));
    }

    [Theory]
    [InlineData(SrtpProfile.AesCm128HmacSha1_80, 16, 14, 10, 14, 60)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 16, 12, 16, 20, 56)]
    public void ProfileExtensions_Lengths_MatchRfc(SrtpProfile profile, int key, int salt, int rtp, int rtcp, int material)
    {
        Assert.Equal(key, profile.GetMasterKeyLength());
        Assert.Equal(salt, profile.GetMasterSaltLength());
        Assert.Equal(rtp, profile.GetRtpOverhead());
        Assert.Equal(rtcp, profile.GetRtcpOverhead());
        Assert.Equal(material, profile.GetKeyingMaterialLength());
        Assert.Equal(1, (int)SrtpProfile.AesCm128HmacSha1_80);
        Assert.Equal(7, (int)SrtpProfile.AeadAes128Gcm);
    }
}
