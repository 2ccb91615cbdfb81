using System.Globalization;
using System.Text.Json;
using CallGateway.Bench.Infrastructure;

namespace CallGateway.Bench.Gateway;

internal sealed record SetupLatencySettings
{
    public int Warmup { get; init; } = 20;
    public int Calls { get; init; } = 200;
    public int IntervalMilliseconds { get; init; } = 200;
    public int HoldMilliseconds { get; init; } = 3000;
}

/// <summary>
/// Capacity item "webhook -> pre_accept sent, server side": simulated users call the business through the standalone
/// sandbox (its own process) at a steady pace; each call's connect webhook is timed inside the gateway from the
/// request's arrival (the call's createdAt) to the start of its pre_accept request to the Graph API (the attempt's
/// time on the call's history). The path in between: signature check, inbox commit, dispatch, the call's actor,
/// a media session (sockets, ICE credentials, DTLS fingerprint) and the SDP answer. Both stamps are stored in ms.
/// Calls are hung up by the user after a few seconds, so the gateway carries live calls while it is measured.
/// </summary>
internal static class SetupLatencySection
{
    public static async Task RunAsync(TextWriter output, SetupLatencySettings settings)
    {
        output.WriteLine("## Webhook -> pre_accept, server side");
        output.WriteLine();
        var work = Directory.CreateTempSubdirectory("cg-bench-setup-").FullName;
        try
        {
            await using var system = await GatewayWithSandbox.StartAsync(work, []);
            var total = settings.Warmup + settings.Calls;
            var calls = new List<(string Wacid, bool Measured)>(total);
            var hangups = new List<Task>(total);
            for (var i = 0; i < total; i++)
            {
                var wacid = await system.Meta.UserCallsAsync("1555" + (1000000 + i).ToString(CultureInfo.InvariantCulture));
                calls.Add((wacid, i >= settings.Warmup));
                hangups.Add(HangUpLaterAsync(system.Meta, wacid, settings.HoldMilliseconds));
                await Task.Delay(settings.IntervalMilliseconds);
            }

            await Task.WhenAll(hangups);
            var byWacid = (await system.Api.ListCallsAsync(openOnly: false, limit: 500))
                .ToDictionary(c => c.GetProperty("metaCallId").GetString() ?? "", c => c.GetProperty("id").GetString()!);
            var preAccept = new List<double>();
            var accept = new List<double>();
            var connected = new List<double>();
            var missing = 0;
            foreach (var (wacid, measured) in calls.Where(c => c.Measured))
            {
                if (!byWacid.TryGetValue(wacid, out var id))
                {
                    missing++;
                    continue;
                }

                var detail = await system.Api.GetCallAsync(id);
                var created = detail.GetProperty("createdAt").GetDateTimeOffset();
                AddSince(preAccept, created, FirstAttempt(detail, "calls/pre_accept"));
                AddSince(accept, created, FirstAttempt(detail, "calls/accept"));
                AddSince(connected, created, detail.GetProperty("connectedAt") is { ValueKind: JsonValueKind.String } c ? c.GetDateTimeOffset() : null);
            }

            output.WriteLine($"{settings.Calls} measured calls after {settings.Warmup} warm-up calls, one every {settings.IntervalMilliseconds} ms, each hung up by the user after {settings.HoldMilliseconds} ms");
            output.WriteLine($"(about {settings.HoldMilliseconds / settings.IntervalMilliseconds} calls live at a time, Opus both ways). Gateway and sandbox are separate processes on this machine.");
            output.WriteLine();
            output.WriteLine("| from the connect webhook's arrival to | calls | p50 ms | p90 ms | p99 ms | max ms |");
            output.WriteLine("|---|---|---|---|---|---|");
            Row(output, "pre_accept request started", preAccept);
            Row(output, "accept request started (auto-accept)", accept);
            Row(output, "media connected (ICE + DTLS with the sandbox's edge)", connected);
            if (missing > 0)
            {
                output.WriteLine($"{missing} calls were not found in the gateway's list.");
            }

            output.WriteLine();
            output.WriteLine($"**webhook -> pre_accept: p50 {F(Statistics.Percentile(preAccept, 50))} ms, p99 {F(Statistics.Percentile(preAccept, 99))} ms** (goal p99 <= 20 ms warm).");
            output.WriteLine();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task HangUpLaterAsync(SandboxApi meta, string wacid, int afterMilliseconds)
    {
        await Task.Delay(afterMilliseconds);
        await meta.HangupAsync(wacid);
    }

    private static DateTimeOffset? FirstAttempt(JsonElement call, string operation) =>
        call.TryGetProperty("graphAttempts", out var attempts) && attempts.ValueKind == JsonValueKind.Array
            ? attempts.EnumerateArray().Where(a => a.GetProperty("operation").GetString() == operation)
                .Select(a => (DateTimeOffset?)a.GetProperty("at").GetDateTimeOffset()).FirstOrDefault()
            : null;

    private static void AddSince(List<double> into, DateTimeOffset from, DateTimeOffset? to)
    {
        if (to is { } t)
        {
            into.Add((t - from).TotalMilliseconds);
        }
    }

    private static void Row(TextWriter output, string what, List<double> values) =>
        output.WriteLine($"| {what} | {values.Count} | {F(Statistics.Percentile(values, 50))} | {F(Statistics.Percentile(values, 90))} | {F(Statistics.Percentile(values, 99))} | {F(values.Count == 0 ? double.NaN : values.Max())} |");

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString("F0", CultureInfo.InvariantCulture);
}
