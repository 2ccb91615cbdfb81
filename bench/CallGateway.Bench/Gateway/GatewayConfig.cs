using System.Globalization;

namespace CallGateway.Bench.Gateway;

/// <summary>Command-line configuration for a gateway (and a standalone sandbox) under test, on loopback.</summary>
internal static class GatewayConfig
{
    public const string AppSecret = "bench-app-secret-0123456789";
    public const string AccessToken = "bench-access-token-0123456789";
    public const string PhoneNumberId = "106540352242922";
    public const string ApiKey = "bench-api-key-0123456789abcdef";

    /// <summary>A gateway with its own SQLite file, talking to <paramref name="graphBaseUrl"/> (the standalone sandbox, or nothing).</summary>
    public static List<string> Gateway(int port, string databasePath, string graphBaseUrl, bool embeddedSandbox = false) =>
    [
        $"--Urls=http://127.0.0.1:{I(port)}",
        $"--Sandbox:Enabled={(embeddedSandbox ? "true" : "false")}",
        $"--Meta:AccessToken={AccessToken}",
        $"--Meta:AppSecret={AppSecret}",
        "--Meta:VerifyToken=bench-verify-token",
        $"--Meta:PhoneNumberId={PhoneNumberId}",
        $"--Meta:GraphApiBaseUrl={graphBaseUrl}",
        $"--Storage:SqlitePath={databasePath}",
        "--Api:Keys:0:Client=bench",
        $"--Api:Keys:0:Key={ApiKey}",
        // The bench drives the API harder than a client normally would.
        "--RateLimits:ApiRequestsPerSecond=100000",
        "--RateLimits:ApiBurst=100000",
        "--Media:BindAddress=127.0.0.1",
        "--Media:AllowLoopbackCandidates=true",
    ];

    /// <summary>The standalone sandbox on <paramref name="port"/>, delivering webhooks to the gateway on <paramref name="gatewayPort"/>.</summary>
    public static List<string> Sandbox(int port, int gatewayPort) =>
    [
        $"--Urls=http://127.0.0.1:{I(port)}",
        $"--Sandbox:BaseUrl=http://127.0.0.1:{I(port)}",
        $"--Sandbox:WebhookUrl=http://127.0.0.1:{I(gatewayPort)}/webhooks/whatsapp",
        $"--Meta:AccessToken={AccessToken}",
        $"--Meta:AppSecret={AppSecret}",
        $"--Meta:PhoneNumberId={PhoneNumberId}",
        "--Sandbox:MediaBindAddress=127.0.0.1",
        "--Sandbox:AnswerDelayMilliseconds=200",
        "--Media:BindAddress=127.0.0.1",
        "--Media:AllowLoopbackCandidates=true",
        "--Serilog:MinimumLevel:Default=Warning",
    ];

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
