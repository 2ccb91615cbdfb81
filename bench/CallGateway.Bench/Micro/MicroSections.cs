using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CallGateway.Media.Codecs;
using Perfolizer.Horology;
using static CallGateway.Bench.Infrastructure.Invariant;

namespace CallGateway.Bench.Micro;

/// <summary>Runs the BenchmarkDotNet micro-benchmarks (SRTP, Opus) and prints a compact summary with the anchors.</summary>
internal static class MicroSections
{
    /// <summary>
    /// In-process (no generated project to build, so the whole run stays within minutes), one launch, 3 warm-up and
    /// 15 measured iterations of about 250 ms each; the reported figure is BenchmarkDotNet's median per operation.
    /// </summary>
    private static ManualConfig Config(bool verbose) =>
        ManualConfig.CreateMinimumViable()
            .AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithIterationTime(TimeInterval.FromMilliseconds(250)))
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "callgateway-bench-artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile)
            .AddLogger(verbose ? ConsoleLogger.Default : NullLogger.Instance);

    public static void RunSrtp(TextWriter output, bool verbose)
    {
        output.WriteLine("## 1. SRTP per packet (172-byte RTP packet = 12-byte header + 160-byte payload)");
        var summary = BenchmarkRunner.Run<SrtpBenchmarks>(Config(verbose));
        output.WriteLine("| profile | protect + unprotect, ns/packet | protect only, ns | unprotect (difference), ns | allocated B/op |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var profile in summary.Reports.Select(r => r.BenchmarkCase.Parameters["Profile"]?.ToString()).Distinct())
        {
            var pair = Find(summary, nameof(SrtpBenchmarks.ProtectAndUnprotect), "Profile", profile);
            var protect = Find(summary, nameof(SrtpBenchmarks.ProtectOnly), "Profile", profile);
            output.WriteLine($"| {Name(profile)} | **{F(pair.MedianNs, 0)}** | {F(protect.MedianNs, 0)} | {F(pair.MedianNs - protect.MedianNs, 0)} | {I(pair.Allocated)} |");
        }

        output.WriteLine();
        output.WriteLine("Anchors: C# PoC on System.Security.Cryptography 2,400-3,900 ns per protect+unprotect pair (BenchmarkDotNet 2,430 ns CM, 2,650-2,900 ns GCM);");
        output.WriteLine("OpenSSL EVP 730 ns per protect (172 B); Debian libsrtp2 4,300 ns protect + 4,850 ns unprotect.");
        output.WriteLine();
    }

    public static void RunOpus(TextWriter output, bool verbose)
    {
        output.WriteLine("## 2. Opus per 20 ms frame (48 kHz mono, 32 kbps, VOIP, FEC on with 10 % loss hint, signal=voice)");
        var frames = OpusBenchmarks.LoadFrames();
        var source = Environment.GetEnvironmentVariable("CALLGATEWAY_BENCH_SPEECH") is { Length: > 0 } path
            ? $"WAV {path}"
            : "synthetic speech-like signal (syllables of formant-filtered glottal pulses + fricative noise, ~20 % pauses, RMS 0.09)";
        output.WriteLine($"Input: {frames.Length} frames ({F(frames.Length / 50.0, 1)} s) of {source}.");
        var summary = BenchmarkRunner.Run<OpusBenchmarks>(Config(verbose));
        output.WriteLine("| complexity | encode µs/frame | decode µs/frame | avg packet B | 1 call (1 enc + 1 dec per 20 ms), % of a core | allocated B/op (enc/dec) |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var complexity in new[] { 0, 5, 10 })
        {
            var encode = Find(summary, nameof(OpusBenchmarks.Encode), "Complexity", complexity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var decode = Find(summary, nameof(OpusBenchmarks.Decode), "Complexity", complexity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var share = 50 * (encode.MedianNs + decode.MedianNs) / 1e9;
            output.WriteLine($"| {complexity} | **{F(encode.MedianNs / 1000, 0)}** | {F(decode.MedianNs / 1000, 1)} | {F(AveragePacket(frames, complexity), 0)} | {Pct(share, 1)} | {I(encode.Allocated)}/{I(decode.Allocated)} |");
        }

        output.WriteLine();
        output.WriteLine("Anchors (C opusbench, espeak-ng speech, same settings but no signal hint): encode 107 / 266 / 505 µs at complexity 0 / 5 / 10, decode 32-49 µs;");
        output.WriteLine("C# PoC: 530 µs (c10) and 225-285 µs (c5) encode, ~40 µs decode.");
        output.WriteLine();
    }

    private static double AveragePacket(short[][] frames, int complexity)
    {
        using var encoder = OpusBenchmarks.CreateEncoder(complexity);
        var packet = new byte[OpusEncoder.MaxPacketSize];
        return frames.Average(f => (double)encoder.Encode(f, packet));
    }

    private static string Name(string? profile) => profile switch
    {
        "AesCm128HmacSha1_80" => "AES_CM_128_HMAC_SHA1_80",
        "AeadAes128Gcm" => "AEAD_AES_128_GCM",
        _ => profile ?? "?",
    };

    private static (double MedianNs, long Allocated) Find(Summary summary, string method, string parameter, string? value)
    {
        var report = summary.Reports.FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && r.BenchmarkCase.Parameters[parameter]?.ToString() == value);
        if (report?.ResultStatistics is not { } statistics)
        {
            return (double.NaN, -1);
        }

        return (statistics.Median, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1);
    }
}
