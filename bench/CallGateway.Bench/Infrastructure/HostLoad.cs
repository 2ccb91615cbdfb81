using System.Diagnostics;

namespace CallGateway.Bench.Infrastructure;

/// <summary>
/// The benchmark host is shared (other builds and tests run on the same 2 cores), so every timing section first
/// waits for a quiet moment, and the capacity test classifies each second of its window as clean or disturbed by
/// the CPU other processes used in it.
/// </summary>
internal static class HostLoad
{
    /// <summary>Fraction of the machine (0..1) other processes may use for a second to count as clean.</summary>
    public static double MaxOtherLoad { get; set; } = 0.10;

    /// <summary>How long a section waits for a quiet machine before it runs anyway.</summary>
    public static TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>One reading of this process's CPU and the machine's CPU counters.</summary>
    public readonly record struct Reading(long Timestamp, TimeSpan ProcessCpu, TimeSpan Busy, TimeSpan Total, TimeSpan Steal)
    {
        public static Reading Take()
        {
            var machine = LinuxProc.MachineCpu();
            using var process = Process.GetCurrentProcess();
            return new Reading(Stopwatch.GetTimestamp(), process.TotalProcessorTime, machine.Busy, machine.Total, machine.Steal);
        }

        /// <summary>Share of the machine used by other processes between <paramref name="earlier"/> and this reading.</summary>
        public double OtherLoadSince(Reading earlier)
        {
            var total = Total - earlier.Total;
            if (total <= TimeSpan.Zero)
            {
                return double.NaN;
            }

            var other = (Busy - earlier.Busy) - (ProcessCpu - earlier.ProcessCpu) - (Steal - earlier.Steal);
            return Math.Max(0, other / total);
        }
    }

    /// <summary>
    /// Waits (in 1 s samples, at most <see cref="MaxWait"/>) until other processes use less than
    /// <see cref="MaxOtherLoad"/> of the machine; returns the seconds waited and the last sample's load.
    /// </summary>
    public static async Task<(double WaitedSeconds, double OtherLoad)> WaitForQuietAsync()
    {
        var started = Stopwatch.GetTimestamp();
        double load;
        do
        {
            var before = Reading.Take();
            await Task.Delay(1000);
            load = Reading.Take().OtherLoadSince(before);
        }
        while ((double.IsNaN(load) ? 0 : load) >= MaxOtherLoad && Stopwatch.GetElapsedTime(started) < MaxWait);

        return (Stopwatch.GetElapsedTime(started).TotalSeconds, load);
    }

    /// <summary>Waits for quiet and prints one line saying how it went.</summary>
    public static async Task GateAsync(TextWriter output, string what)
    {
        var (waited, load) = await WaitForQuietAsync();
        output.WriteLine($"(host load before {what}: other processes {Invariant.Pct(load, 0)} of the machine after waiting {Invariant.F(waited, 0)} s)");
    }
}
