using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

public class DtlsSrtpKeysTests
{
    // RFC 5764 §4.2: client_write_SRTP_master_key | server_write_SRTP_master_key | client_write_SRTP_master_salt |
    // server_write_SRTP_master_salt. Material bytes are their own index so every slice is recognisable.
    [Theory]
    [InlineData(DtlsSrtpProfile.AesCm128HmacSha1_80, 16, 14)]
    [InlineData(DtlsSrtpProfile.AeadAes128Gcm, 16, 12)]
    public void FromKeyingMaterial_SplitsPerRfc5764AndResolvesRole(DtlsSrtpProfile profile, int keyLength, int saltLength)
    {
        byte[] material = Enumerable.Range(0, 2 * (keyLength + saltLength)).Select(i => (byte)i).ToArray();
        byte[] clientKey = material[..keyLength];
        byte[] serverKey = material[keyLength..(2 * keyLength)];
        byte[] clientSalt = material[(2 * keyLength)..((2 * keyLength) + saltLength)];
        byte[] serverSalt = material[((2 * keyLength) + saltLength)..];

        using DtlsSrtpKeys client = DtlsSrtpKeys.FromKeyingMaterial(profile, DtlsRole.Client, material);
        using DtlsSrtpKeys server = DtlsSrtpKeys.FromKeyingMaterial(profile, DtlsRole.Server, material);

        Assert.Equal(profile.GetKeyingMaterialLength(), material.Length);
        Assert.Equal(clientKey, client.LocalMasterKey.ToArray());
        Assert.Equal(clientSalt, client.LocalMasterSalt.ToArray());
        Assert.Equal(serverKey, client.RemoteMasterKey.ToArray());
        Assert.Equal(serverSalt, client.RemoteMasterSalt.ToArray());
        Assert.Equal(serverKey, server.LocalMasterKey.ToArray());
        Assert.Equal(serverSalt, server.LocalMasterSalt.ToArray());
        Assert.Equal(clientKey, server.RemoteMasterKey.ToArray());
        Assert.Equal(clientSalt, server.RemoteMasterSalt.ToArray());
    }

    [Fact]
    public void FromKeyingMaterial_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            DtlsSrtpKeys.FromKeyingMaterial(DtlsSrtpProfile.AeadAes128Gcm, DtlsRole.Client, new byte[60]));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DtlsSrtpKeys.FromKeyingMaterial((DtlsSrtpProfile)2, DtlsRole.Client, new byte[60]));
    }

    [Fact]
    public void Dispose_ZeroesMaterial_AndToStringHidesKeys()
    {
        byte[] material = Enumerable.Repeat((byte)0xAB, 60).ToArray();
        var keys = DtlsSrtpKeys.FromKeyingMaterial(DtlsSrtpProfile.AesCm128HmacSha1_80, DtlsRole.Server, material);

        Assert.DoesNotContain("AB", keys.ToString(), StringComparison.Ordinal);
        keys.Dispose();

        Assert.All(keys.LocalMasterKey.ToArray(), b => Assert.Equal(0, b));
        Assert.All(keys.RemoteMasterSalt.ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(0xAB, material[0]); // the caller's buffer was copied, not adopted
    }
}
