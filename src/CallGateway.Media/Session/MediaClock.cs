using System.Diagnostics;

namespace CallGateway.Media.Session;

/// <summary>
/// One shared 20 ms clock for every call: a few worker threads (one per core by default) each tick a shard of
/// the sessions, instead of one timer per call (1,000 calls would mean 50,000 timer wake-ups a second).
/// A worker that falls behind runs the missed ticks back to back, then resynchronises; every tick that starts
/// more than one frame late is counted as a late frame.
/// </summary>
public sealed class MediaClock : IDisposable
{
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    private readonly Worker[] _workers;
    private int _disposed;

    public MediaClock(int workers = 0)
    {
        var count = workers > 0 ? workers : Environment.ProcessorCount;
        _workers = Enumerable.Range(0, count).Select(i => new Worker(i)).ToArray();
    }

    /// <summary>Ticks that started more than one frame after their slot, over all clients.</summary>
    public long LateTicks => _workers.Sum(w => Interlocked.Read(ref w.LateTicks));

    /// <summary>All ticks run.</summary>
    public long Ticks => _workers.Sum(w => Interlocked.Read(ref w.Ticks));

    public int Clients => _workers.Sum(w => w.Count);

    /// <summary>Ticks whose client threw.</summary>
    public long Failures => _workers.Sum(w => Interlocked.Read(ref w.Failures));

    /// <summary>Starts ticking <paramref name="client"/> on the least loaded worker; dispose the result to stop.</summary>
    public IDisposable Register(IMediaClockClient client)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var worker = _workers.MinBy(w => w.Count)!;
        worker.Add(client);
        return new Registration(worker, client);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var worker in _workers)
            {
                worker.Stop();
                worker.Dispose();
            }
        }
    }

    private sealed class Registration(Worker worker, IMediaClockClient client) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                worker.Remove(client);
            }
        }
    }

    private sealed class Worker : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly Thread _thread;
        private readonly ManualResetEventSlim _stop = new();
        private IMediaClockClient[] _clients = [];
        public long LateTicks;
        public long Ticks;
        public long Failures;

        public Worker(int index)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = $"media-clock-{index}", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public int Count => Volatile.Read(ref _clients).Length;

        public void Add(IMediaClockClient client)
        {
            lock (_gate)
            {
                _clients = [.. _clients, client];
            }
        }

        public void Remove(IMediaClockClient client)
        {
            lock (_gate)
            {
                _clients = _clients.Where(c => !ReferenceEquals(c, client)).ToArray();
            }
        }

        public void Stop()
        {
            _stop.Set();
            _thread.Join(TimeSpan.FromSeconds(2));
        }

        public void Dispose() => _stop.Dispose();

        private void Run()
        {
            var started = Stopwatch.GetTimestamp();
            long tick = 0;
            while (!_stop.IsSet)
            {
                var due = started + (tick * FrameDuration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero && _stop.Wait(wait))
                {
                    return;
                }

                var late = Stopwatch.GetElapsedTime(due);
                if (late > FrameDuration * 10)
                {
                    // Far behind (a stall): count what was missed and start a fresh schedule instead of bursting.
                    Interlocked.Add(ref LateTicks, (long)(late / FrameDuration) * Count);
                    started = Stopwatch.GetTimestamp();
                    tick = 0;
                    continue;
                }

                TickAll(due);
                tick++;
            }
        }

        /// <summary>Ticks every client; a client whose tick starts more than a frame after <paramref name="due"/> is late.</summary>
        private void TickAll(long due)
        {
            var clients = Volatile.Read(ref _clients);
            var late = 0;
            foreach (var client in clients)
            {
                var lateBy = Stopwatch.GetElapsedTime(due);
                if (lateBy > FrameDuration)
                {
                    late++;
                }

                try
                {
                    client.OnTick(lateBy);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A failing session must not stop the clock for the others; sessions report their own errors.
                    Interlocked.Increment(ref Failures);
                }
            }

            Interlocked.Add(ref Ticks, clients.Length);
            Interlocked.Add(ref LateTicks, late);
        }
    }
}
