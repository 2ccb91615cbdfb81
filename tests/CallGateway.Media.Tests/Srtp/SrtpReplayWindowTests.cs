using CallGateway.Media.Srtp;

namespace CallGateway.Media.Tests.Srtp;

public class SrtpReplayWindowTests
{
    [Fact]
    public void Check_BeforeStart_AcceptsAnything()
    {
        var window = default(SrtpReplayWindow);

        Assert.Equal(SrtpResult.Ok, window.Check(0));
        Assert.Equal(SrtpResult.Ok, window.Check(ulong.MaxValue));
        Assert.False(window.Started);
    }

    [Fact]
    public void Accept_ThenCheck_ReportsReplayTooOldAndGaps()
    {
        var window = default(SrtpReplayWindow);
        window.Accept(1000);
        window.Accept(1002);

        Assert.Equal(SrtpResult.ReplayDetected, window.Check(1000));
        Assert.Equal(SrtpResult.ReplayDetected, window.Check(1002));
        Assert.Equal(SrtpResult.Ok, window.Check(1001));
        Assert.Equal(SrtpResult.Ok, window.Check(1003));
        Assert.Equal(SrtpResult.Ok, window.Check(1002 - 127));
        Assert.Equal(SrtpResult.TooOld, window.Check(1002 - 128));
        Assert.Equal(1002ul, window.Highest);
    }

    [Fact]
    public void Accept_JumpBeyondWindow_ForgetsOlderHistory()
    {
        var window = default(SrtpReplayWindow);
        window.Accept(5);
        window.Accept(5 + 500);

        Assert.Equal(SrtpResult.TooOld, window.Check(5));
        Assert.Equal(SrtpResult.Ok, window.Check(504));
        Assert.Equal(SrtpResult.ReplayDetected, window.Check(505));
    }

    [Fact]
    public void Accept_ShiftByExactlyWindowSize_KeepsOnlyNewest()
    {
        var window = default(SrtpReplayWindow);
        for (ulong i = 0; i < 128; i++)
        {
            window.Accept(i);
        }

        window.Accept(127 + 128);

        for (ulong i = 128; i < 255; i++)
        {
            Assert.Equal(SrtpResult.Ok, window.Check(i));
        }

        Assert.Equal(SrtpResult.TooOld, window.Check(127));
    }
}
