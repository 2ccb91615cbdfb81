using System.Diagnostics;
using System.Globalization;
using CallGateway.Bench.Capacity;
using CallGateway.Bench.Connect;
using CallGateway.Bench.Infrastructure;
using CallGateway.Bench.Micro;

namespace CallGateway.Bench;

/// <summary>
/// Media performance benchmarks for the "In-process WebRTC audio stack" issue. Usage (see bench/README.md):
/// <code>dotnet run -c Release --project bench/CallGateway.Bench -- [srtp|opus|connect|capacity|micro|all] [options]</code>
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/CallGateway.Bench -- [section] [options]
          sections:  srtp | opus | connect | capacity | micro (srtp+opus) | all (default)
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
        if (args.Contains("--help") || args.Contains("-h") || section is not ("srtp" or "opus" or "connect" or "capacity" or "micro" or "all"))
        {
            Console.WriteLine(Usage);
            return section is "srtp" or "opus" or "connect" or "capacity" or "micro" or "all" ? 0 : 2;
        }

        var outPath = Option(args, "--out");
        using var output = new TeeWriter(Console.Out, outPath is null ? null : new StreamWriter(outPath, append: false));
        var verbose = args.Contains("--verbose");
        var total = Stopwatch.StartNew();
        output.WriteLine($"# CallGateway media benchmark: {section}");
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
        if (section is "connect" or "all")
        {
            await HostLoad.GateAsync(output, "connect");
            await ConnectSection.RunAsync(output, IntOption(args, "--connect-count", 20), warmup: 3);
        }

        if (section is "srtp" or "micro" or "all")
        {
            await HostLoad.GateAsync(output, "srtp");
            MicroSections.RunSrtp(output, verbose);
        }

        if (section is "opus" or "micro" or "all")
        {
            await HostLoad.GateAsync(output, "opus");
            MicroSections.RunOpus(output, verbose);
        }

        if (section is "capacity" or "all")
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

        output.WriteLine($"Total run time: {Invariant.F(total.Elapsed.TotalSeconds, 0)} s; load average at end: {LinuxProc.LoadAverage()}.");
        return 0;
    }

    private static bool IsOptionValue(string[] args, string value)
    {
        var index = Array.IndexOf(args, value);
        return index > 0 && args[index - 1] is "--out" or "--connect-count" or "--complexity" or "--calls" or "--seconds" or "--settle" or "--refine" or "--retries" or "--max-other" or "--max-wait" or "--max-window";
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
