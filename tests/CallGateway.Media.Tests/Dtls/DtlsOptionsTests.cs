using CallGateway.Media.Dtls;

namespace CallGateway.Media.Tests.Dtls;

public class DtlsOptionsTests
{
    [Fact]
    public void Defaults_AreWebRtcFriendly()
    {
        var options = new DtlsOptions();

        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(10), options.HandshakeTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RetransmitTimeout);
        Assert.Equal([DtlsSrtpProfile.AeadAes128Gcm, DtlsSrtpProfile.AesCm128HmacSha1_80], options.GetEffectiveSrtpProfiles());
        Assert.Equal(DtlsHashFunction.Sha256, options.MinimumFingerprintHash);
        Assert.Equal(1200, options.SendLimit);
        Assert.True(options.ReceiveLimit >= 1500);
    }

    public static TheoryData<string, Action<DtlsOptions>> InvalidSettings => new()
    {
        { "HandshakeTimeout", o => o.HandshakeTimeout = TimeSpan.Zero },
        { "RetransmitTimeout", o => o.RetransmitTimeout = TimeSpan.FromMinutes(5) },
        { "SendLimit", o => o.SendLimit = 100 },
        { "ReceiveLimit", o => o.ReceiveLimit = 1200 },
        { "ReceiveQueueCapacity", o => o.ReceiveQueueCapacity = 0 },
        { "SrtpProfiles", o => o.SrtpProfiles = [] },
        { "SrtpProfiles", o => o.SrtpProfiles = [DtlsSrtpProfile.AeadAes128Gcm, DtlsSrtpProfile.AeadAes128Gcm] },
        { "SrtpProfiles", o => o.SrtpProfiles = [(DtlsSrtpProfile)2] },
        { "MinimumFingerprintHash", o => o.MinimumFingerprintHash = (DtlsHashFunction)5 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_ThrowsNamingIt(string name, Action<DtlsOptions> configure)
    {
        var options = new DtlsOptions();
        configure(options);

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(name, error.ParamName);
    }
}
