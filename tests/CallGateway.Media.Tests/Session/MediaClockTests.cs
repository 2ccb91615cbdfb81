using CallGateway.Media.Session;

namespace CallGateway.Media.Tests.Session;

public class MediaClockTests
{
    [Fact]
    public async Task Register_TicksEveryClientAboutEveryTwentyMilliseconds()
    {
        using var clock = new MediaClock(workers: 2);
        var clients = Enumerable.Range(0, 5).Select(_ => new CountingClient()).ToArray();
        var registrations = clients.Select(clock.Register).ToArray();
        await Task.Delay(500);
        foreach (var r in registrations)
        {
            r.Dispose();
        }

        // 500 ms is 25 frames; allow generous scheduling noise on a shared machine.
        Assert.All(clients, c => Assert.InRange(c.Ticks, 10, 40));
        Assert.Equal(0, clock.Clients);
    }

    [Fact]
    public async Task Unregister_StopsTicking()
    {
        using var clock = new MediaClock(workers: 1);
        var client = new CountingClient();
        clock.Register(client).Dispose();
        var before = client.Ticks;
        await Task.Delay(100);
        Assert.InRange(client.Ticks - before, 0, 1);
    }

    [Fact]
    public async Task FailingClient_DoesNotStopTheOthers()
    {
        using var clock = new MediaClock(workers: 1);
        var good = new CountingClient();
        using var bad = clock.Register(new CountingClient { Throw = true });
        using var ok = clock.Register(good);
        await Task.Delay(200);
        Assert.True(good.Ticks >= 3);
        Assert.True(clock.Failures >= 3);
    }

    [Fact]
    public async Task SlowClients_AreCountedAsLateFrames()
    {
        using var clock = new MediaClock(workers: 1);
        using var slow = clock.Register(new CountingClient { Work = TimeSpan.FromMilliseconds(45) });
        using var victim = clock.Register(new CountingClient());
        await Task.Delay(400);
        Assert.True(clock.LateTicks > 0);
    }

    private sealed class CountingClient : IMediaClockClient
    {
        private int _ticks;

        public bool Throw { get; init; }

        public TimeSpan Work { get; init; }

        public int Ticks => Volatile.Read(ref _ticks);

        public void OnTick(TimeSpan lateBy)
        {
            Interlocked.Increment(ref _ticks);
            if (Work > TimeSpan.Zero)
            {
                Thread.Sleep(Work);
            }

            if (Throw)
            {
                throw new InvalidOperationException("session bug");
            }
        }
    }
}
