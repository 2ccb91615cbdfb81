using CallGateway.Media.Sdp;

namespace CallGateway.Media.Tests.Sdp;

/// <summary>Valid local parameters for the builder tests.</summary>
internal static class TestLocal
{
    public const string Pwd = "Zq3x9PLmW2vR8kT4nB6yH1cJ";
    public const string Fingerprint = "sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    public static LocalMediaParameters Create() => new()
    {
        IceUfrag = "gW7e",
        IcePwd = Pwd,
        Fingerprint = Fingerprint,
        Candidates = [new LocalHostCandidate("1", 2130706431, "192.0.2.20", 40000)],
        Ssrc = 1122334455,
        CName = "gatewaycname0001",
        StreamId = "c0ffee00-0000-4000-8000-000000000001",
        TrackId = "c0ffee00-0000-4000-8000-000000000002",
        SessionId = 1234567890123456789,
    };

    public static SessionDescription Parse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var sdp, out var error), error);
        return sdp;
    }
}
