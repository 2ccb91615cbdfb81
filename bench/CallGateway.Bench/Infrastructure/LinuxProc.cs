using System.Globalization;
using System.Runtime.InteropServices;

namespace CallGateway.Bench.Infrastructure;

/// <summary>
/// Linux /proc readings the runtime does not expose: per-thread CPU time (so the far-end peer's own CPU can be
/// subtracted from the process total), machine-wide CPU busy time (to see other load on the shared host), the load
/// average and UDP receive-buffer drops. Everything degrades to "unknown" off Linux.
/// </summary>
internal static partial class LinuxProc
{
    private const int ScClkTck = 2;
    private static readonly string[] InterestingFlags = ["aes", "pclmulqdq", "sha_ni", "avx2", "avx512f", "vaes"];
    private static readonly double TicksPerSecond = OperatingSystem.IsLinux() ? Math.Max(1, SysConf(ScClkTck)) : 100;

    /// <summary>The calling thread's kernel thread id (for <see cref="ThreadCpu"/>), or -1 off Linux.</summary>
    public static int CurrentThreadId() => OperatingSystem.IsLinux() ? GetTid() : -1;

    /// <summary>User+system CPU of one thread of this process (10 ms resolution), or zero when unknown.</summary>
    public static TimeSpan ThreadCpu(int tid)
    {
        if (tid <= 0)
        {
            return TimeSpan.Zero;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/self/task/{tid.ToString(CultureInfo.InvariantCulture)}/stat");
            // Fields after "(comm)": state is field 3, utime field 14, stime field 15 (man 5 proc).
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Machine-wide (busy, total) CPU time from the first line of /proc/stat; busy includes steal.</summary>
    public static (TimeSpan Busy, TimeSpan Total, TimeSpan Steal) MachineCpu()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        var line = File.ReadLines("/proc/stat").First();
        var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal [guest guest_nice are already in user/nice]
        long idle = v[3] + v[4];
        long steal = v.Length > 7 ? v[7] : 0;
        long total = v.Take(Math.Min(v.Length, 8)).Sum();
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond), TimeSpan.FromSeconds(steal / TicksPerSecond));
    }

    /// <summary>The nice value of the calling thread's process (field 19 of /proc/self/stat), or 0 when unknown.</summary>
    public static int Nice()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }

    /// <summary>"1.23 0.98 0.70" from /proc/loadavg, or "n/a".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Udp RcvbufErrors from /proc/net/snmp (machine-wide datagrams dropped for a full receive buffer).</summary>
    public static long UdpReceiveBufferErrors()
    {
        if (!File.Exists("/proc/net/snmp"))
        {
            return 0;
        }

        var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp:", StringComparison.Ordinal)).ToArray();
        if (lines.Length < 2)
        {
            return 0;
        }

        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(names, "RcvbufErrors");
        return index > 0 ? long.Parse(values[index], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The CPU model name from /proc/cpuinfo, or "unknown".</summary>
    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    /// <summary>The CPU feature flags relevant to media crypto, e.g. "aes sha_ni avx2".</summary>
    public static string CryptoFlags()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return "unknown";
        }

        var flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(':', 2)[1]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return string.Join(' ', InterestingFlags.Where(flags.Contains));
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
