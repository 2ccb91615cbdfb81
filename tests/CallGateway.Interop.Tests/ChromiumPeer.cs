using System.Text.Json;
using Microsoft.Playwright;

namespace CallGateway.Interop.Tests;

/// <summary>One Chromium tab running Peers/peer.html: a typed wrapper over its <c>window.peer</c> functions.</summary>
public sealed class ChromiumPeer(IPage page) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Upper bound for one page call (gathering alone gives up after <see cref="GatherTimeoutMs"/>).</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private const int GatherTimeoutMs = 5000;

    /// <summary>Chromium's complete (non-trickle) offer.</summary>
    public Task<string> OfferAsync(CancellationToken cancellationToken) =>
        CallAsync<string>("t => peer.offer(t)", GatherTimeoutMs, cancellationToken);

    /// <summary>Chromium's complete answer to <paramref name="offerSdp"/>.</summary>
    public Task<string> AnswerAsync(string offerSdp, CancellationToken cancellationToken) =>
        CallAsync<string>("([sdp, t]) => peer.answer(sdp, t)", new object[] { offerSdp, GatherTimeoutMs }, cancellationToken);

    public Task ApplyAnswerAsync(string answerSdp, CancellationToken cancellationToken) =>
        CallAsync<string>("sdp => peer.applyAnswer(sdp)", answerSdp, cancellationToken);

    /// <summary>Puts a named mark on the page's event timeline.</summary>
    public Task MarkAsync(string name, CancellationToken cancellationToken) =>
        CallAsync<string>("n => peer.mark(n)", name, cancellationToken);

    /// <summary>RTCRtpSender.dtmf.insertDTMF; returns "ok" or why it could not.</summary>
    public Task<string> SendDtmfAsync(string tones, int durationMs, int gapMs, CancellationToken cancellationToken) =>
        CallAsync<string>("([tones, d, g]) => peer.sendDtmf(tones, d, g)", new object[] { tones, durationMs, gapMs }, cancellationToken);

    public async Task<ChromiumSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var json = await CallAsync<string>("() => peer.snapshot()", null, cancellationToken);
        return JsonSerializer.Deserialize<ChromiumSnapshot>(json, Json)
            ?? throw new InvalidOperationException("The page returned no snapshot.");
    }

    /// <summary>
    /// The browser's full version, e.g. "HeadlessChrome 156.0.8078.79" (the user-agent string itself is reduced to
    /// "156.0.0.0", so the full version comes from user-agent client hints).
    /// </summary>
    public async Task<string> BrowserVersionAsync()
    {
        const string script = """
            async () => {
              const hints = navigator.userAgentData
                ? await navigator.userAgentData.getHighEntropyValues(['fullVersionList']) : null;
              const brand = hints && hints.fullVersionList.find(b => /Chrom/.test(b.brand));
              return brand ? brand.brand + ' ' + brand.version : navigator.userAgent;
            }
            """;
        return await page.EvaluateAsync<string>(script);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await page.EvaluateAsync("() => peer.close()").WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // The tab is closed next anyway.
        }

        await page.CloseAsync();
    }

    private async Task<T> CallAsync<T>(string expression, object? argument, CancellationToken cancellationToken) =>
        await page.EvaluateAsync<T>(expression, argument).WaitAsync(CallTimeout, cancellationToken);
}

/// <summary>What Peers/peer.html's <c>peer.snapshot()</c> returns: states and getStats() values.</summary>
public sealed record ChromiumSnapshot(
    string IceConnectionState,
    string ConnectionState,
    string? DtlsTransportState,
    ChromiumInbound? Inbound,
    ChromiumOutbound? Outbound,
    ChromiumTransport? Transport,
    ChromiumPair? Pair,
    string? RemoteDescription,
    IReadOnlyList<ChromiumEvent> Events)
{
    public long PacketsReceived => Inbound?.PacketsReceived ?? 0;

    public double AudioLevel => Inbound?.AudioLevel ?? 0;
}

public sealed record ChromiumInbound(long PacketsReceived, long PacketsLost, double? AudioLevel, double? TotalAudioEnergy,
    double? TotalSamplesDuration, double? Jitter, string? Codec);

public sealed record ChromiumOutbound(long PacketsSent, string? Codec);

public sealed record ChromiumTransport(string? DtlsState, string? IceState, string? DtlsRole, string? IceRole, string? TlsVersion,
    string? DtlsCipher, string? SrtpCipher);

public sealed record ChromiumPair(string? Local, string? Remote, string? State, bool Nominated);

public sealed record ChromiumEvent(long T, string Kind, string? Value);

public static class ChromiumEvents
{
    /// <summary>Milliseconds from the first event matching <paramref name="from"/> to the first matching <paramref name="to"/>.</summary>
    public static long? Between(IReadOnlyList<ChromiumEvent> events, Func<ChromiumEvent, bool> from, Func<ChromiumEvent, bool> to)
    {
        var start = events.FirstOrDefault(from);
        var end = events.FirstOrDefault(to);
        return start is null || end is null ? null : end.T - start.T;
    }
}
