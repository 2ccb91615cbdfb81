using System.Globalization;

namespace CallGateway.Bench.Gateway;

internal sealed record IntakeSettings
{
    public int Seconds { get; init; } = 20;
    public int Connections { get; init; } = 64;
    public int Threads { get; init; } = 2;
    public int Rounds { get; init; } = 2;
    public int CorpusSize { get; init; } = 300_000;

    /// <summary>Load before each measured run: the JIT's tier-up still took ~10 % of the gateway's CPU 15 s in.</summary>
    public int WarmupSeconds { get; init; } = 10;

    /// <summary>More gateway configuration (e.g. a log level) to compare against the default.</summary>
    public IReadOnlyList<string> ExtraGatewayArgs { get; init; } = [];
}

/// <summary>
/// Capacity item "signed-webhook intake with durable inbox vs a bare Kestrel GET", side by side in one run: wrk on
/// loopback against (a) Kestrel answering a constant and (b) the gateway's POST /webhooks/whatsapp with distinct,
/// correctly signed webhooks, each checked (HMAC over the raw body), parsed and committed to the SQLite inbox
/// (WAL, synchronous=FULL for appends) before its 200. The gateway's dispatcher processes the events while the load runs.
/// Rounds alternate baseline and gateway; the ratio uses the medians.
/// </summary>
internal static class IntakeSection
{
    public static async Task RunAsync(TextWriter output, IntakeSettings settings)
    {
        output.WriteLine("## Webhook intake vs bare Kestrel (wrk, loopback)");
        output.WriteLine();
        if (!Wrk.IsInstalled())
        {
            output.WriteLine("wrk is not installed (apt-get install -y wrk): section skipped.");
            return;
        }

        var work = Directory.CreateTempSubdirectory("cg-bench-intake-").FullName;
        try
        {
            var warmCorpus = Path.Combine(work, "warm.tsv");
            var corpus = Path.Combine(work, "corpus.tsv");
            var script = Path.Combine(work, "post.lua");
            SignedWebhookCorpus.Write(warmCorpus, "W", 200_000, GatewayConfig.AppSecret);
            SignedWebhookCorpus.Write(corpus, "M", settings.CorpusSize, GatewayConfig.AppSecret);
            await File.WriteAllTextAsync(script, SignedWebhookCorpus.LuaScript);
            output.WriteLine($"wrk -t{settings.Threads} -c{settings.Connections} -d{settings.Seconds}s --latency, after a {settings.WarmupSeconds} s warm-up; {settings.Rounds} rounds, baseline and gateway alternating.");
            output.WriteLine("Gateway: the Release build as shipped (Serilog console at Information, request logging on, output to a file), SQLite in a temp folder,");
            output.WriteLine("`Webhooks:UnknownCallGraceSeconds=0` (the corpus is RINGING statuses for calls it does not know: each is processed once, as an orphan).");
            output.WriteLine();
            output.WriteLine("| round | server | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | server CPU µs/request | inbox rows vs acknowledged | drained after |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");

            var baseline = new List<WrkResult>();
            var gateway = new List<WrkResult>();
            var cpuPerWebhook = new List<double>();
            for (var round = 1; round <= settings.Rounds; round++)
            {
                baseline.Add(await RunBaselineAsync(output, round, settings, work));
                var (result, cpu) = await RunGatewayAsync(output, round, settings, work, warmCorpus, corpus, script);
                gateway.Add(result);
                cpuPerWebhook.Add(cpu);
            }

            var b = Median(baseline.Select(r => r.RequestsPerSecond));
            var g = Median(gateway.Select(r => r.RequestsPerSecond));
            output.WriteLine();
            output.WriteLine($"**Median: bare Kestrel GET {F(b, 0)}/s, signed webhook + durable inbox {F(g, 0)}/s: ratio {F(g / b, 2)}** (goal >= 0.35); "
                + $"gateway p50 {F(Median(gateway.Select(r => r.P50Ms)), 2)} ms, p99 {F(Median(gateway.Select(r => r.P99Ms)), 2)} ms at {settings.Connections} connections; "
                + $"{F(Median(cpuPerWebhook), 0)} µs of gateway CPU per webhook (intake and processing).");
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<WrkResult> RunBaselineAsync(TextWriter output, int round, IntakeSettings settings, string work)
    {
        var port = ServiceProcess.FreePort();
        using var http = new HttpClient();
        await using var server = ServiceProcess.Start(typeof(IntakeSection).Assembly.Location, ["bare-kestrel", port.ToString(CultureInfo.InvariantCulture)], Path.Combine(work, $"bare-{round}.log"));
        var url = new Uri($"http://127.0.0.1:{port}/");
        await server.WaitHealthyAsync(http, url, TimeSpan.FromSeconds(30));
        await Wrk.RunAsync(url, settings.Threads, settings.Connections, TimeSpan.FromSeconds(settings.WarmupSeconds));
        var cpu = server.Cpu;
        var result = await Wrk.RunAsync(url, settings.Threads, settings.Connections, TimeSpan.FromSeconds(settings.Seconds));
        var perRequest = (server.Cpu - cpu).TotalMicroseconds / Math.Max(1, result.Requests);
        output.WriteLine($"| {round} | bare Kestrel GET | {F(result.RequestsPerSecond, 0)} | {F(result.P50Ms, 2)} | {F(result.P90Ms, 2)} | {F(result.P99Ms, 2)} | {result.Non2xx} | {result.SocketErrors} | {F(perRequest, 0)} | – | – |");
        return result;
    }

    private static async Task<(WrkResult Result, double CpuMicroseconds)> RunGatewayAsync(
        TextWriter output, int round, IntakeSettings settings, string work, string warmCorpus, string corpus, string script)
    {
        var port = ServiceProcess.FreePort();
        var database = Path.Combine(work, $"gateway-{round}", "gateway.db");
        using var http = new HttpClient();
        await using var gateway = ServiceProcess.Start(RepoLayout.GatewayDll, [.. GatewayConfig.Gateway(port, database, "http://127.0.0.1:9"), "--Webhooks:UnknownCallGraceSeconds=0", .. settings.ExtraGatewayArgs], Path.Combine(work, $"gateway-{round}.log"));
        await gateway.WaitHealthyAsync(http, new Uri($"http://127.0.0.1:{port}/healthz"), TimeSpan.FromSeconds(60));
        var url = new Uri($"http://127.0.0.1:{port}/webhooks/whatsapp");
        var threads = settings.Threads.ToString(CultureInfo.InvariantCulture);
        var probe = new InboxProbe(database);

        var warm = await Wrk.RunAsync(url, settings.Threads, settings.Connections, TimeSpan.FromSeconds(settings.WarmupSeconds), script, warmCorpus, threads);
        await probe.WaitDrainedAsync(TimeSpan.FromSeconds(60));
        var cpu = gateway.Cpu;
        var result = await Wrk.RunAsync(url, settings.Threads, settings.Connections, TimeSpan.FromSeconds(settings.Seconds), script, corpus, threads);
        var drained = await probe.WaitDrainedAsync(TimeSpan.FromSeconds(120));
        var perWebhook = (gateway.Cpu - cpu).TotalMicroseconds / Math.Max(1, result.Requests);
        var (rows, _, _) = await probe.CountAsync();
        var acknowledged = warm.Succeeded + result.Succeeded;
        var verdict = rows >= acknowledged ? $"{rows} >= {acknowledged} (none lost)" : $"**{rows} < {acknowledged}: LOST {acknowledged - rows}**";
        if (result.Requests > settings.CorpusSize)
        {
            verdict += $"; corpus wrapped ({result.Requests} > {settings.CorpusSize}): raise --corpus";
        }

        var drainedText = drained is { } d ? $"{F(d, 1)} s" : "not in 120 s";
        output.WriteLine($"| {round} | gateway POST webhook | {F(result.RequestsPerSecond, 0)} | {F(result.P50Ms, 2)} | {F(result.P90Ms, 2)} | {F(result.P99Ms, 2)} | {result.Non2xx} | {result.SocketErrors} | {F(perWebhook, 0)} | {verdict} | {drainedText} |");
        return (result, perWebhook);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string F(double v, int decimals) => double.IsNaN(v) ? "–" : v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
