using CallGateway.Media.Rtp;

namespace CallGateway.Media.Tests.Rtp;

public class RtpSequenceTrackerTests
{
    [Fact]
    public void Update_Probation_ValidAfterTwoSequentialPackets()
    {
        var tracker = new RtpSequenceTracker();

        Assert.False(tracker.Update(100));
        Assert.False(tracker.IsValid);
        Assert.True(tracker.Update(101));

        Assert.True(tracker.IsValid);
        Assert.Equal(101, tracker.BaseSequence);
        Assert.Equal(1, tracker.Received);
    }

    [Fact]
    public void Update_ProbationBrokenByGap_Restarts()
    {
        var tracker = new RtpSequenceTracker();

        Assert.False(tracker.Update(100));
        Assert.False(tracker.Update(105)); // not sequential: probation restarts from 105
        Assert.True(tracker.Update(106));
        Assert.Equal(106, tracker.BaseSequence);
    }

    [Fact]
    public void Update_ProbationAcrossWrap_Validates()
    {
        var tracker = new RtpSequenceTracker();

        Assert.False(tracker.Update(65535));
        Assert.True(tracker.Update(0));
        Assert.Equal(0u, tracker.ExtendedHighestSequence);
    }

    [Fact]
    public void Update_Wraps_CountCycles()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        for (int i = 0; i < 3 * 65536; i += 1000)
        {
            Assert.True(tracker.Update((ushort)i));
        }

        // Last i = 196000 = 2 * 65536 + 64928.
        Assert.Equal(2u * 65536, tracker.Cycles);
        Assert.Equal(196000u, tracker.ExtendedHighestSequence);
    }

    [Fact]
    public void Update_MisorderedAndDuplicate_CountedWithoutMovingMaximum()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        tracker.Update(10);
        tracker.Update(12);

        Assert.True(tracker.Update(11));
        Assert.True(tracker.Update(12));
        Assert.Equal(12u, tracker.ExtendedHighestSequence);
        Assert.Equal(4, tracker.Received);
    }

    [Fact]
    public void Update_LargeJump_IgnoredUnlessFollowedInSequence()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        tracker.Update(1000);
        tracker.Update(1001);

        Assert.False(tracker.Update(20000)); // jump >= MaxDropout: suspect
        Assert.True(tracker.Update(1002)); // the old stream continues
        Assert.False(tracker.Update(30000));
        Assert.True(tracker.Update(30001)); // two in sequence after the jump: the source restarted

        Assert.True(tracker.Restarted);
        Assert.Equal(30001, tracker.BaseSequence);
        Assert.Equal(1, tracker.Received);
    }

    [Fact]
    public void Update_TooFarBehind_TreatedAsJump()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        tracker.Update(5000);

        Assert.True(tracker.Update(4901)); // 99 behind: a late packet
        Assert.False(tracker.Update(4900)); // MaxMisorder (100) behind: a jump
        Assert.Equal(5000u, tracker.ExtendedHighestSequence);
    }
}
