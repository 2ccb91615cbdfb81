using System.Diagnostics;
using CallGateway.Bench.Infrastructure;
using CallGateway.Media;
using CallGateway.Media.Session;
using Microsoft.Extensions.Logging.Abstractions;
using static CallGateway.Bench.Infrastructure.Invariant;

namespace CallGateway.Bench.Connect;

/// <summary>
/// ICE + DTLS connect time on loopback between our two engines, as in production: the "phone" is an ICE-lite engine
/// (like Meta's edge) that offers, the "gateway" is the full-ICE engine that answers. The clock starts just before
/// the gateway creates its answer session and stops when BOTH sessions have reported Connected (ICE pair
/// selected, DTLS handshake done, SRTP keyed). Connections are sequential; each pair is closed before the next.
/// </summary>
internal static class ConnectSection
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(TextWriter output, int count, int warmup)
    {
        output.WriteLine($"## 3. ICE + DTLS connect time on loopback (full-ICE gateway answers an ICE-lite offer; {I(count)} connections after {I(warmup)} warm-up)");
        var timelines = new TimelineLoggerFactory();
        using var gateway = new MediaEngine(Options(lite: false), TimeProvider.System, timelines);
        using var phone = new MediaEngine(Options(lite: true), TimeProvider.System, NullLoggerFactory.Instance);

        var cold = await ConnectOnceAsync(gateway, phone, timelines, "cold");
        for (var i = 0; i < warmup; i++)
        {
            await ConnectOnceAsync(gateway, phone, timelines, "warm-" + I(i));
        }

        var results = new List<ConnectResult>();
        var failures = 0;
        for (var i = 0; i < count; i++)
        {
            try
            {
                results.Add(await ConnectOnceAsync(gateway, phone, timelines, "run-" + I(i)));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                failures++;
                output.WriteLine($"  connection {I(i)} failed: {ex.Message}");
            }
        }

        var total = results.Select(r => r.TotalMs).ToArray();
        var ice = results.Select(r => r.IceMs).ToArray();
        var dtls = results.Select(r => r.DtlsMs).ToArray();
        var rest = results.Select(r => r.TotalMs - r.IceMs).ToArray();
        output.WriteLine("| connection | total (answer created -> both Connected) | ICE (answer -> gateway pair selected) | DTLS handshake (gateway, BouncyCastle) | pair selected -> both Connected |");
        output.WriteLine("|---|---|---|---|---|");
        output.WriteLine($"| first (cold JIT) | {F(cold.TotalMs)} ms | {F(cold.IceMs)} ms | {F(cold.DtlsMs)} ms | {F(cold.TotalMs - cold.IceMs)} ms |");
        output.WriteLine($"| warm median ({I(results.Count)}) | **{F(Statistics.Median(total))} ms** | {F(Statistics.Median(ice))} ms | {F(Statistics.Median(dtls))} ms | {F(Statistics.Median(rest))} ms |");
        output.WriteLine($"| warm p90 | {F(Statistics.Percentile(total, 90))} ms | {F(Statistics.Percentile(ice, 90))} ms | {F(Statistics.Percentile(dtls, 90))} ms | {F(Statistics.Percentile(rest, 90))} ms |");
        output.WriteLine($"| warm min / max | {F(total.DefaultIfEmpty(double.NaN).Min())} / {F(total.DefaultIfEmpty(double.NaN).Max())} ms | | | |");
        output.WriteLine();
        var median = Statistics.Median(total);
        output.WriteLine($"Target median <= 100 ms: {(median <= 100 ? "MET" : "NOT MET")} ({F(median)} ms); failures: {I(failures)}.");
        output.WriteLine("Anchors: werift pair on loopback 153-156 ms total (ICE 21 ms, DTLS connected 141-144 ms), first in process 329 ms;");
        output.WriteLine("BouncyCastle DTLS handshake alone 3.3-4.3 ms (optimised JIT) / ~12 ms (tiered JIT), first 200-640 ms.");
        output.WriteLine();
    }

    public static MediaOptions Options(bool lite, int complexity = 5) => new()
    {
        BindAddress = "127.0.0.1",
        AllowLoopbackCandidates = true,
        IceLite = lite,
        IceCheckingTimeoutSeconds = 10,
        OpusComplexity = complexity,
    };

    private static async Task<ConnectResult> ConnectOnceAsync(MediaEngine gateway, MediaEngine phone, TimelineLoggerFactory timelines, string name)
    {
        var phoneTimeline = new SessionTimeline();
        var gatewayTimeline = new SessionTimeline();
        var gatewayCallId = "gw-" + name;
        timelines.Timelines[gatewayCallId] = gatewayTimeline;
        await using var phoneSession = await phone.CreateOfferAsync(new MediaSessionRequest("phone-" + name, phoneTimeline), default);
        var offer = phoneSession.LocalSdp;

        var start = Stopwatch.GetTimestamp();
        await using var gatewaySession = await gateway.CreateAnswerAsync(new MediaSessionRequest(gatewayCallId, gatewayTimeline), offer, default);
        await phoneSession.ApplyRemoteAnswerAsync(gatewaySession.LocalSdp, default);
        var connected = await Task.WhenAll(gatewayTimeline.Connected, phoneTimeline.Connected).WaitAsync(ConnectTimeout);
        timelines.Timelines.TryRemove(gatewayCallId, out _);

        var end = connected.Max();
        return new ConnectResult(
            Stopwatch.GetElapsedTime(start, end).TotalMilliseconds,
            gatewayTimeline.PairSelectedAt == 0 ? double.NaN : Stopwatch.GetElapsedTime(start, gatewayTimeline.PairSelectedAt).TotalMilliseconds,
            gatewayTimeline.DtlsMs);
    }

    private sealed record ConnectResult(double TotalMs, double IceMs, double DtlsMs);
}
