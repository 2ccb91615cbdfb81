using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CallGateway.Bench.Gateway;

internal sealed record SandboxCallsSettings
{
    public IReadOnlyList<int> CallCounts { get; init; } = [25, 50, 100, 150];
    public int SteadySeconds { get; init; } = 20;
    public int SettleSeconds { get; init; } = 5;

    /// <summary>Opus complexity of the sandbox's phones (the load generator); null: the gateway's default (5).</summary>
    public int? PhoneComplexity { get; init; }
}

/// <summary>
/// Capacity item "concurrent connected calls against the sandbox with Opus both ways": for each N, a fresh gateway
/// and a fresh standalone sandbox (separate processes, sharing the machine's 2 cores), N users call the business,
/// the gateway auto-accepts and every call is put in echo (the gateway decodes the phone's Opus tone and encodes it
/// back, every 20 ms). Over a steady window it reads each call's counters from both sides: frames the gateway's
/// media clock produced late (more than one 20 ms frame behind), packets received per second at both ends, CPU of
/// each process, and the gateway's memory per call (working set over the idle process).
/// </summary>
internal static class SandboxCallsSection
{
    private sealed record Sample(long Sent, long Received, long Late, long Lost, long Concealed, long PhoneReceived, long Timestamp);

    public static async Task RunAsync(TextWriter output, SandboxCallsSettings settings)
    {
        output.WriteLine("## Concurrent calls through the gateway against the sandbox (Opus both ways)");
        output.WriteLine();
        output.WriteLine($"Each N: fresh processes, N inbound calls auto-accepted and put in echo, {settings.SettleSeconds} s settle, {settings.SteadySeconds} s window.");
        output.WriteLine($"Gateway: Opus complexity 5 (its default). Sandbox phones: Opus complexity {settings.PhoneComplexity?.ToString(CultureInfo.InvariantCulture) ?? "5 (same)"}, each plays a tone and decodes what it hears.");
        output.WriteLine("late = frames the gateway's clock produced more than 20 ms behind their slot / frames sent. PASS: all N connected, late < 1 %,");
        output.WriteLine(">= 49.5 packets per call per second received at both ends. CPU in cores (2 = the whole machine); the sandbox's phones encode and decode too.");
        output.WriteLine();
        output.WriteLine("| calls | connected | late | gw rx pkt/call/s | phone rx pkt/call/s | lost / concealed | gateway CPU | sandbox CPU | gateway CPU ms per call-second | gateway memory per call | verdict |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var best = 0;
        foreach (var n in settings.CallCounts)
        {
            var passed = await RunOneAsync(output, n, settings);
            if (passed)
            {
                best = Math.Max(best, n);
            }
        }

        output.WriteLine();
        output.WriteLine($"**Largest N passing: {best} concurrent calls** (gateway and sandbox on the same 2 cores; goal >= 100).");
        output.WriteLine();
    }

    private static async Task<bool> RunOneAsync(TextWriter output, int n, SandboxCallsSettings settings)
    {
        var work = Directory.CreateTempSubdirectory("cg-bench-calls-").FullName;
        try
        {
            await using var system = await GatewayWithSandbox.StartAsync(work, [],
                settings.PhoneComplexity is { } c ? [$"--Media:OpusComplexity={c.ToString(CultureInfo.InvariantCulture)}"] : []);
            await Task.Delay(2000);
            var idleMemory = system.Gateway.WorkingSet;

            var wacids = new List<string>(n);
            for (var i = 0; i < n; i++)
            {
                wacids.Add(await system.Meta.UserCallsAsync("1666" + (1000000 + i).ToString(CultureInfo.InvariantCulture)));
                await Task.Delay(25);
            }

            var calls = await WaitConnectedAsync(system, wacids, TimeSpan.FromSeconds(60 + (n / 5)));
            foreach (var (id, _) in calls)
            {
                await system.Api.SetEchoAsync(id, enabled: true);
            }

            await Task.Delay(TimeSpan.FromSeconds(settings.SettleSeconds));
            var gatewayCpu = system.Gateway.Cpu;
            var sandboxCpu = system.Sandbox.Cpu;
            var window = Stopwatch.StartNew();
            var before = await SampleAsync(system, calls);
            await Task.Delay(TimeSpan.FromSeconds(settings.SteadySeconds));
            var after = await SampleAsync(system, calls);
            var seconds = window.Elapsed.TotalSeconds;
            var gatewayCores = (system.Gateway.Cpu - gatewayCpu).TotalSeconds / seconds;
            var sandboxCores = (system.Sandbox.Cpu - sandboxCpu).TotalSeconds / seconds;
            var memoryPerCall = (system.Gateway.WorkingSet - idleMemory) / (double)Math.Max(1, calls.Count);

            long sent = 0, late = 0, lost = 0, concealed = 0;
            double gwRx = 0, phoneRx = 0;
            foreach (var (id, _) in calls)
            {
                if (!before.TryGetValue(id, out var b) || !after.TryGetValue(id, out var a))
                {
                    continue;
                }

                var s = Stopwatch.GetElapsedTime(b.Timestamp, a.Timestamp).TotalSeconds;
                sent += a.Sent - b.Sent;
                late += a.Late - b.Late;
                lost += a.Lost - b.Lost;
                concealed += a.Concealed - b.Concealed;
                gwRx += (a.Received - b.Received) / s;
                phoneRx += (a.PhoneReceived - b.PhoneReceived) / s;
            }

            var count = Math.Max(1, calls.Count);
            var lateShare = sent == 0 ? double.NaN : (double)late / sent;
            var pass = calls.Count == n && lateShare < 0.01 && gwRx / count >= 49.5 && phoneRx / count >= 49.5;
            output.WriteLine($"| {n} | {calls.Count} | {Pct(lateShare)} | {F(gwRx / count, 1)} | {F(phoneRx / count, 1)} | {lost} / {concealed} | {F(gatewayCores, 2)} | {F(sandboxCores, 2)} | "
                + $"{F(gatewayCores * 1000 / count, 2)} | {F(memoryPerCall / 1024, 0)} KB | {(pass ? "PASS" : "fail")} |");

            foreach (var wacid in wacids)
            {
                await system.Meta.HangupAsync(wacid);
            }

            return pass;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Our call ids (and wacids) of the calls whose media connected, waiting at most <paramref name="timeout"/>.</summary>
    private static async Task<List<(string Id, string Wacid)>> WaitConnectedAsync(GatewayWithSandbox system, List<string> wacids, TimeSpan timeout)
    {
        var wanted = wacids.ToHashSet(StringComparer.Ordinal);
        var deadline = Stopwatch.StartNew();
        List<(string Id, string Wacid)> connected = [];
        while (deadline.Elapsed < timeout)
        {
            connected = (await system.Api.ListCallsAsync(openOnly: true, limit: 500))
                .Where(c => c.GetProperty("status").GetString() == "Connected" && wanted.Contains(c.GetProperty("metaCallId").GetString() ?? ""))
                .Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("metaCallId").GetString()!)).ToList();
            if (connected.Count == wanted.Count)
            {
                break;
            }

            await Task.Delay(500);
        }

        return connected;
    }

    private static async Task<Dictionary<string, Sample>> SampleAsync(GatewayWithSandbox system, List<(string Id, string Wacid)> calls)
    {
        var samples = new Dictionary<string, Sample>(StringComparer.Ordinal);
        foreach (var (id, wacid) in calls)
        {
            var call = await system.Api.GetCallAsync(id);
            var phone = await system.Meta.GetCallAsync(wacid);
            if (call.TryGetProperty("media", out var m) && m.ValueKind == JsonValueKind.Object
                && phone.TryGetProperty("media", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                samples[id] = new Sample(L(m, "packetsSent"), L(m, "packetsReceived"), L(m, "lateFrames"), L(m, "packetsLost"), L(m, "framesConcealed"),
                    L(p, "packetsReceived"), Stopwatch.GetTimestamp());
            }
        }

        return samples;
    }

    private static long L(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    private static string F(double v, int d) => double.IsNaN(v) ? "–" : v.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Pct(double v) => double.IsNaN(v) ? "–" : (v * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
}
