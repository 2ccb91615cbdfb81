using System.Net.Http.Headers;
using System.Text;
using CallGateway.Calls.Tests.Fakes;
using CallGateway.Media;
using CallGateway.Meta.Webhooks;
using CallGateway.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Serilog.Core;

namespace CallGateway.Tests.Support;

/// <summary>
/// The real gateway host with a real SQLite file in a temp folder; only Meta's Graph API (outside) and the
/// media engine (its own issue) are replaced.
/// </summary>
internal sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string AppSecret = "test-app-secret-5f1c";
    public const string AccessToken = "EAAtest-access-token-9d2e";
    public const string VerifyToken = "verify-token-77a1";
    public const string PhoneNumberId = "105615555715855";
    public const string ApiKey = "test-api-key-4f1b9c2e7d";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("cg-tests-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _crashOnStop;

    /// <param name="databasePath">Reuse a database (a restart of the same gateway); default: a fresh temp file.</param>
    /// <param name="crashOnStop">Stop without the graceful shutdown (as after kill -9): live calls stay open in the store.</param>
    public GatewayFactory(Dictionary<string, string?>? settings = null, string? databasePath = null, bool crashOnStop = false)
    {
        _crashOnStop = crashOnStop;
        _settings = new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "false",
            ["Meta:GraphApiBaseUrl"] = "http://graph.fake.invalid",
            ["Meta:AccessToken"] = AccessToken,
            ["Meta:AppSecret"] = AppSecret,
            ["Meta:VerifyToken"] = VerifyToken,
            ["Meta:PhoneNumberId"] = PhoneNumberId,
            ["Storage:SqlitePath"] = databasePath ?? Path.Combine(_dataDir, "gateway.db"),
            ["Api:Keys:0:Client"] = "tests",
            ["Api:Keys:0:Key"] = ApiKey,
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public FakeGraphHandler Graph { get; } = new();
    public FakeMediaEngine Media { get; } = new();
    public CapturingLogSink Logs { get; } = new();
    public string DatabasePath => _settings["Storage:SqlitePath"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<IMediaEngine>(Media);
            services.Configure<HttpClientFactoryOptions>("IMetaGraphClient", o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Graph));
            if (_crashOnStop)
            {
                var shutdown = services.Single(d => d.ImplementationType == typeof(Hosting.CallShutdownService));
                services.Remove(shutdown);
            }
        });
    }

    /// <summary>Clients carry the API key unless a test removes it.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    /// <summary>POSTs a webhook body signed like Meta signs it.</summary>
    public static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, string body, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(WebhookSignature.HeaderName, signature ?? WebhookSignature.Compute(bytes, AppSecret));
        return await client.PostAsync(new Uri("/webhooks/whatsapp", UriKind.Relative), content);
    }

    public GatewayDbContext OpenDatabase() => Services.GetRequiredService<IDbContextFactory<GatewayDbContext>>().CreateDbContext();

    /// <summary>Polls until <paramref name="condition"/> holds (bounded).</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Timed out waiting for: {what}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Graph.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
