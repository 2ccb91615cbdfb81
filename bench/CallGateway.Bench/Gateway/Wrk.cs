using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CallGateway.Bench.Gateway;

/// <summary>What one wrk run reported.</summary>
internal sealed record WrkResult(long Requests, double Seconds, double RequestsPerSecond, long Non2xx, long SocketErrors, double P50Ms, double P90Ms, double P99Ms, string Raw)
{
    public long Succeeded => Requests - Non2xx;
}

/// <summary>Runs wrk (the Debian package) on loopback and reads its report.</summary>
internal static partial class Wrk
{
    public static bool IsInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            probe?.WaitForExit(5000);
            return probe is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <param name="script">Optional Lua script and its arguments (after <c>--</c>).</param>
    public static async Task<WrkResult> RunAsync(Uri url, int threads, int connections, TimeSpan duration, string? script = null, params string[] scriptArgs)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t", I(threads), "-c", I(connections), "-d", I((int)duration.TotalSeconds) + "s", "--latency", "--timeout", "10s" })
        {
            info.ArgumentList.Add(a);
        }

        if (script is not null)
        {
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(script);
        }

        info.ArgumentList.Add(url.ToString());
        if (scriptArgs.Length > 0)
        {
            info.ArgumentList.Add("--");
            foreach (var a in scriptArgs)
            {
                info.ArgumentList.Add(a);
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        return process.ExitCode == 0 ? Parse(text) : throw new InvalidOperationException("wrk failed: " + text);
    }

    internal static WrkResult Parse(string text)
    {
        var total = RequestsLine().Match(text);
        if (!total.Success)
        {
            throw new FormatException("no request count in wrk output: " + text);
        }

        var requests = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = Duration(total.Groups[2].Value);
        var rps = double.Parse(RateLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = NonSuccessLine().Match(text) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrorsLine().Match(text) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(requests, seconds, rps, non2xx, socket, Percentile(text, "50"), Percentile(text, "90"), Percentile(text, "99"), text);
    }

    private static double Percentile(string text, string p)
    {
        var m = Regex.Match(text, @"^\s+" + p + @"(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        return m.Success ? Milliseconds(m.Groups[1].Value, m.Groups[2].Value) : double.NaN;
    }

    private static double Duration(string value)
    {
        var m = Regex.Match(value, @"([\d.]+)(us|ms|s|m)");
        return m.Groups[2].Value == "m" ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60 : Milliseconds(m.Groups[1].Value, m.Groups[2].Value) / 1000;
    }

    private static double Milliseconds(string number, string unit)
    {
        var v = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch { "us" => v / 1000, "ms" => v, _ => v * 1000 };
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+) requests in ([\d.]+\w+),")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
