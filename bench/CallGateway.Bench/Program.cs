using System.Diagnostics;
using System.Globalization;
using CallGateway.Bench.Capacity;
using CallGateway.Bench.Connect;
using CallGateway.Bench.Infrastructure;
using CallGateway.Bench.Micro;

namespace CallGateway.Bench;

/// <summary>
/// Performance benchmarks: the media stack (srtp, opus, connect, capacity) and the whole gateway (intake, setup,
/// sandbox-calls). Usage (see bench/README.md):
/// <code>dotnet run -c Release --project bench/CallGateway.Bench -- [section] [options]</code>
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/CallGateway.Bench -- [section] [options]
          sections:  srtp | opus | connect | capacity | micro (srtp+opus) | media (the four)
                     intake | setup | sandbox-calls | ws-latency | gateway (the four) | all (default: media + gateway)
          options:
            --out FILE            also write the report (markdown) to FILE
            --verbose             show BenchmarkDotNet's own log
            --connect-count N     measured connections (default 20; 3 warm-up + 1 cold first)
            --complexity LIST     capacity: Opus complexities to sweep, e.g. 5 or 0,5,10 (default 5,0,10)
            --calls LIST          capacity: concurrent calls to try, e.g. 50,100,150 (default per complexity)
            --seconds S           capacity: clean seconds to collect per run (default 20)
            --max-window S        capacity: stop a run's window after S seconds even with fewer clean seconds (default 60)
            --settle S            capacity: settle time after the last call connected (default 3)
            --refine K            capacity: extra bisection runs between the last pass and first fail (default 1)
            --speech              capacity: gateway sends the speech-like signal instead of a 1 kHz tone
            --no-verify           capacity: the far end counts but does not SRTP-authenticate what it receives
            --trace               capacity: print each second of each run's window
            --retries K           capacity: re-runs of a run whose window was mostly disturbed by other processes (default 1)
            --max-other F         a second is "clean" when other processes use < F of the machine (default 0.10)
            --max-wait S          wait at most S seconds for a quiet host before each timed part (default 45)
            --rounds K            intake: baseline/gateway rounds (default 2)
            --intake-seconds S    intake: seconds per wrk run (default 20)
            --connections N       intake: wrk connections (default 64)
            --setup-calls N       setup: measured calls (default 200, after 20 warm-up)
            --gw-calls LIST       sandbox-calls: concurrent calls to try (default 25,50,100,150)
            --phone-complexity N  sandbox-calls: Opus complexity of the sandbox's phones (default: the gateway's, 5)
            --gw:Key=Value        intake: extra gateway configuration, e.g. --gw:Serilog:MinimumLevel:Default=Warning
        environment: CALLGATEWAY_BENCH_SPEECH=path.wav (48 kHz mono) replaces the synthetic Opus input.
        """;

    private static readonly Dictionary<int, int[]> DefaultCalls = new()
    {
        [5] = [50, 100, 150, 200],
        [0] = [200, 250],
        [10] = [80, 100, 120],
    };

    public static async Task<int> Main(string[] args)
    {
        var section = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a)) ?? "all";
        if (section == "bare-kestrel")
        {
            return await Gateway.BareKestrel.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
        }

        var known = section is "srtp" or "opus" or "connect" or "capacity" or "micro" or "media" or "all" || Gateway.GatewaySections.Names.Contains(section);
        if (args.Contains("--help") || args.Contains("-h") || !known)
        {
            Console.WriteLine(Usage);
            return known ? 0 : 2;
        }

        var outPath = Option(args, "--out");
        using var output = new TeeWriter(Console.Out, outPath is null ? null : new StreamWriter(outPath, append: false));
        var verbose = args.Contains("--verbose");
        var total = Stopwatch.StartNew();
        output.WriteLine($"# CallGateway benchmark: {section}");
        output.WriteLine($"Command: dotnet run -c Release --project bench/CallGateway.Bench -- {string.Join(' ', args)}");
        output.WriteLine();
        MachineInfo.Print(output);
        if (!MachineInfo.IsOptimized(typeof(Media.Codecs.OpusEncoder).Assembly))
        {
            output.WriteLine("WARNING: not a Release build; run with -c Release.");
        }

        HostLoad.MaxOtherLoad = DoubleOption(args, "--max-other", 0.10);
        HostLoad.MaxWait = TimeSpan.FromSeconds(DoubleOption(args, "--max-wait", 45));

        // Connect runs first so that its "cold" connection really is the first in the process.
        if (section is "connect" or "media" or "all")
        {
            await HostLoad.GateAsync(output, "connect");
            await ConnectSection.RunAsync(output, IntOption(args, "--connect-count", 20), warmup: 3);
        }

        if (section is "srtp" or "micro" or "media" or "all")
        {
            await HostLoad.GateAsync(output, "srtp");
            MicroSections.RunSrtp(output, verbose);
        }

        if (section is "opus" or "micro" or "media" or "all")
        {
            await HostLoad.GateAsync(output, "opus");
            MicroSections.RunOpus(output, verbose);
        }

        if (section is "capacity" or "media" or "all")
        {
            var complexities = ListOption(args, "--complexity") ?? [5, 0, 10];
            var calls = ListOption(args, "--calls");
            await CapacitySection.RunAsync(output, new CapacitySettings
            {
                Sweeps = complexities.Select(c => (c, (IReadOnlyList<int>)(calls ?? (DefaultCalls.TryGetValue(c, out var d) ? d : [25, 50, 100])))).ToList(),
                SteadySeconds = DoubleOption(args, "--seconds", 20),
                MaxWindowSeconds = DoubleOption(args, "--max-window", 60),
                SettleSeconds = DoubleOption(args, "--settle", 3),
                RefineSteps = IntOption(args, "--refine", 1),
                SpeechSource = args.Contains("--speech"),
                VerifyFarEnd = !args.Contains("--no-verify"),
                Retries = IntOption(args, "--retries", 1),
                Trace = args.Contains("--trace"),
            });
        }

        await Gateway.GatewaySections.RunAsync(output, section, new Gateway.GatewaySectionOptions(
            IntOption(args, "--rounds", 2), IntOption(args, "--intake-seconds", 20), IntOption(args, "--connections", 64),
            IntOption(args, "--setup-calls", 200), ListOption(args, "--gw-calls"),
            Option(args, "--phone-complexity") is { } phone ? int.Parse(phone, System.Globalization.CultureInfo.InvariantCulture) : null,
            args.Where(a => a.StartsWith("--gw:", StringComparison.Ordinal)).Select(a => "--" + a[5..]).ToList()));

        output.WriteLine($"Total run time: {Invariant.F(total.Elapsed.TotalSeconds, 0)} s; load average at end: {LinuxProc.LoadAverage()}.");
        return 0;
    }

    private static bool IsOptionValue(string[] args, string value)
    {
        var index = Array.IndexOf(args, value);
        return index > 0 && args[index - 1] is "--out" or "--connect-count" or "--complexity" or "--calls" or "--seconds" or "--settle" or "--refine" or "--retries" or "--max-other" or "--max-wait" or "--max-window"
            or "--rounds" or "--intake-seconds" or "--connections" or "--setup-calls" or "--gw-calls" or "--phone-complexity";
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static double DoubleOption(string[] args, string name, double fallback) =>
        Option(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static int[]? ListOption(string[] args, string name) =>
        Option(args, name)?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
