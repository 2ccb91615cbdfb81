using System.Diagnostics;
using CallGateway.Bench.Infrastructure;
using CallGateway.Media;
using CallGateway.Media.Session;

namespace CallGateway.Bench.Capacity;

/// <summary>Everything counted at one instant of a capacity run; two snapshots give the steady-state window.</summary>
internal sealed record CapacitySnapshot
{
    public long Timestamp { get; init; }
    public TimeSpan ProcessCpu { get; init; }
    public TimeSpan FarEndCpu { get; init; }
    public TimeSpan MachineBusy { get; init; }
    public TimeSpan MachineTotal { get; init; }
    public TimeSpan MachineSteal { get; init; }
    public long ClockTicks { get; init; }
    public long ClockLateTicks { get; init; }
    public long ClockFailures { get; init; }
    public long SessionLateFrames { get; init; }
    public long GatewayReceived { get; init; }
    public long GatewaySent { get; init; }
    public long GatewayLost { get; init; }
    public long GatewayConcealed { get; init; }
    public long GatewayRejected { get; init; }
    public long FarReceived { get; init; }
    public long FarSent { get; init; }
    public long FarRejected { get; init; }
    public long FarTicks { get; init; }
    public long FarLateTicks { get; init; }
    public long FarSkippedTicks { get; init; }
    public int Gen0 { get; init; }
    public int Gen1 { get; init; }
    public int Gen2 { get; init; }
    public long AllocatedBytes { get; init; }
    public TimeSpan GcPause { get; init; }
    public long UdpReceiveBufferErrors { get; init; }
    public int ThreadPoolThreads { get; init; }
    public long ThreadPoolCompleted { get; init; }
    public long LockContentions { get; init; }

    public static CapacitySnapshot Take(MediaClock clock, IReadOnlyList<IMediaSession> sessions, FarEndHub hub)
    {
        long late = 0, received = 0, sent = 0, lost = 0, concealed = 0, rejected = 0;
        foreach (var session in sessions)
        {
            var stats = session.GetStats();
            late += stats.LateFrames;
            received += stats.PacketsReceived;
            sent += stats.PacketsSent;
            lost += stats.PacketsLost;
            concealed += stats.FramesConcealed;
            rejected += stats.PacketsRejected;
        }

        long farReceived = 0, farSent = 0, farRejected = 0;
        foreach (var peer in hub.Peers)
        {
            farReceived += peer.RtpReceived;
            farSent += peer.RtpSent;
            farRejected += peer.Rejected;
        }

        var machine = LinuxProc.MachineCpu();
        using var process = Process.GetCurrentProcess();
        return new CapacitySnapshot
        {
            Timestamp = Stopwatch.GetTimestamp(),
            ProcessCpu = process.TotalProcessorTime,
            FarEndCpu = hub.ThreadsCpu,
            MachineBusy = machine.Busy,
            MachineTotal = machine.Total,
            MachineSteal = machine.Steal,
            ClockTicks = clock.Ticks,
            ClockLateTicks = clock.LateTicks,
            ClockFailures = clock.Failures,
            SessionLateFrames = late,
            GatewayReceived = received,
            GatewaySent = sent,
            GatewayLost = lost,
            GatewayConcealed = concealed,
            GatewayRejected = rejected,
            FarReceived = farReceived,
            FarSent = farSent,
            FarRejected = farRejected,
            FarTicks = hub.Ticks,
            FarLateTicks = hub.LateTicks,
            FarSkippedTicks = hub.SkippedTicks,
            Gen0 = GC.CollectionCount(0),
            Gen1 = GC.CollectionCount(1),
            Gen2 = GC.CollectionCount(2),
            AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true),
            GcPause = GC.GetTotalPauseDuration(),
            UdpReceiveBufferErrors = LinuxProc.UdpReceiveBufferErrors(),
            ThreadPoolThreads = ThreadPool.ThreadCount,
            ThreadPoolCompleted = ThreadPool.CompletedWorkItemCount,
            LockContentions = Monitor.LockContentionCount,
        };
    }
}
