using System.Globalization;
using CallGateway.Media.Audio;
using Microsoft.Playwright;

namespace CallGateway.Interop.Tests;

/// <summary>
/// One headless Debian Chromium (driven by Microsoft.Playwright, never downloaded) shared by the tests of a class.
/// Its fake microphone plays <see cref="MicrophoneWavPath"/>, a tone this fixture writes with our
/// <see cref="WavFile"/> writer before the browser starts. Pages are served by request interception, so no HTTP
/// server runs; http://localhost is a secure context, so getUserMedia works.
/// </summary>
/// <remarks>
/// Chromium is required: if it is missing the fixture throws and every test of the class fails (CI installs the
/// Debian package <c>chromium</c>). <c>CHROMIUM_PATH</c> overrides <c>/usr/bin/chromium</c>.
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Frequency of the tone Chromium's fake microphone plays.</summary>
    public const double MicrophoneToneHz = 700;

    /// <summary>Peak amplitude (fraction of full scale) of that tone: RMS 0.354, -9.03 dBFS.</summary>
    public const double MicrophoneToneAmplitude = 0.5;

    public const int MicrophoneSampleRate = 48000;

    private const string PageUrl = "http://localhost/peer.html";

    // webrtc-test-peers.md: the loopback flag is required to gather 127.0.0.1 and pair with a 127.0.0.1 peer; the
    // mDNS feature off gives real addresses instead of .local names (our engine never resolves names).
    private static readonly string[] BaseFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
        "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
    ];

    private DirectoryInfo? _workDirectory;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private string _pageHtml = "";

    public string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public string MicrophoneWavPath { get; private set; } = "";

    /// <summary>Chromium's version as the browser reports it (e.g. "HeadlessChrome 156.0.8078.79").</summary>
    public string BrowserVersion { get; private set; } = "";

    public TimeSpan LaunchTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{ChromiumPath}'. The interop tests need Debian's chromium package " +
                "(apt-get install -y chromium) or CHROMIUM_PATH pointing at a Chromium binary; they never download a browser.");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        _workDirectory = Directory.CreateTempSubdirectory("callgateway-interop-");
        MicrophoneWavPath = Path.Combine(_workDirectory.FullName, "microphone-700hz-48k.wav");

        // 10 s of a whole number of periods (700 Hz x 10 s), so Chromium's looping of the file is seamless.
        var tone = new ToneGenerator(MicrophoneSampleRate, MicrophoneToneHz, MicrophoneToneAmplitude).Generate(MicrophoneSampleRate * 10);
        WavFile.Write(MicrophoneWavPath, new WavFormat(MicrophoneSampleRate, 1), tone);
        _pageHtml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Peers", "peer.html"));

        _playwright = await Playwright.CreateAsync();
        var userDataDirectory = Directory.CreateDirectory(Path.Combine(_workDirectory.FullName, "user-data")).FullName;
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(userDataDirectory, new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [.. BaseFlags, "--use-file-for-fake-audio-capture=" + MicrophoneWavPath],
            Timeout = 30_000,
        });
        await _context.RouteAsync("http://localhost/**", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = _pageHtml,
        }));

        await using var probe = await OpenPeerAsync();
        BrowserVersion = await probe.BrowserVersionAsync();
        LaunchTime = started.Elapsed;
    }

    /// <summary>A new tab with the peer page loaded; dispose it to close the tab.</summary>
    public async Task<ChromiumPeer> OpenPeerAsync()
    {
        var context = _context ?? throw new InvalidOperationException("The Chromium fixture is not initialised.");
        var page = await context.NewPageAsync();
        await page.GotoAsync(PageUrl, new() { Timeout = 15_000 });
        return new ChromiumPeer(page);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        try
        {
            _workDirectory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile; a leftover temp directory is harmless.
        }
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
