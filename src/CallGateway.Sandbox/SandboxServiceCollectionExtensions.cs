using System.Security.Cryptography;
using System.Text.Json.Serialization;
using CallGateway.Media;
using CallGateway.Media.Session;
using CallGateway.Meta;
using CallGateway.Sandbox.Api;
using CallGateway.Sandbox.Calls;
using CallGateway.Sandbox.Delivery;
using CallGateway.Sandbox.Graph;
using CallGateway.Sandbox.Users;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallGateway.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sandbox. When it is hosted next to the gateway, Meta's Graph base URL points at it (unless set
    /// explicitly) and missing Meta credentials are generated for this process, so the gateway starts with no setup.
    /// </summary>
    public static IServiceCollection AddCallGatewaySandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName)
            .PostConfigure(o => o.BaseUrl ??= SandboxEndpoints.FromServerUrls(configuration["urls"]) ?? SandboxEndpoints.DefaultBaseUrl)
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Sandbox:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o =>
        {
            if (!o.SerializerOptions.Converters.OfType<JsonStringEnumConverter>().Any())
            {
                o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            }
        });
        services.AddSingleton<SandboxEndpoints>();
        services.AddSingleton<SandboxCallStore>();
        services.AddSingleton<SandboxUsers>();
        services.AddSingleton<SandboxSettings>();
        services.AddSingleton<GraphRequestLog>();
        services.AddSingleton<MetaSimulator>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IPostConfigureOptions<MetaOptions>, PointMetaAtSandbox>();
        services.PostConfigure<MediaOptions>(KeepMediaOnLoopback);
        services.AddKeyedSingleton<IMediaEngine>(SandboxServiceKeys.EdgeMediaEngine, (sp, _) => new MediaEngine(
            EdgeOptions(sp.GetRequiredService<IOptions<MediaOptions>>().Value, sp.GetRequiredService<IOptions<SandboxOptions>>().Value),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<MediaClock>()));
        return services;
    }

    /// <summary>
    /// The sandbox's phones live on this machine, so the gateway's media must bind to loopback and accept loopback
    /// candidates (refused by default for security). An explicit bind address is left alone.
    /// </summary>
    private static void KeepMediaOnLoopback(MediaOptions media)
    {
        if (media.BindAddress is "0.0.0.0" or "::")
        {
            media.BindAddress = "127.0.0.1";
        }

        media.AllowLoopbackCandidates = true;
    }

    /// <summary>Meta's edge: ICE-lite on the sandbox's media address, otherwise the gateway's own settings.</summary>
    private static MediaOptions EdgeOptions(MediaOptions gateway, SandboxOptions sandbox) => new()
    {
        BindAddress = sandbox.MediaBindAddress,
        AllowLoopbackCandidates = true,
        IceLite = true,
        SampleRate = gateway.SampleRate,
        OpusBitrate = gateway.OpusBitrate,
        OpusComplexity = gateway.OpusComplexity,
        OpusInbandFec = gateway.OpusInbandFec,
        ClockWorkers = gateway.ClockWorkers,
        Dtls = gateway.Dtls,
    };

    /// <summary>Maps the emulated Graph API and the sandbox's own control API.</summary>
    public static IEndpointRouteBuilder MapCallGatewaySandbox(this IEndpointRouteBuilder app) =>
        app.MapSandboxGraph().MapSandboxControl();

    /// <summary>Makes the gateway talk to the in-process sandbox instead of graph.facebook.com.</summary>
    private sealed class PointMetaAtSandbox(SandboxEndpoints endpoints, IOptions<SandboxOptions> sandbox) : IPostConfigureOptions<MetaOptions>
    {
        private static readonly string Generated = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        public void PostConfigure(string? name, MetaOptions options)
        {
            if (string.Equals(options.GraphApiBaseUrl.TrimEnd('/'), "https://graph.facebook.com", StringComparison.OrdinalIgnoreCase))
            {
                options.GraphApiBaseUrl = endpoints.GraphBaseUrl;
            }

            options.AccessToken = Fill(options.AccessToken, "sandbox-token-");
            options.AppSecret = Fill(options.AppSecret, "sandbox-secret-");
            options.VerifyToken = Fill(options.VerifyToken, "sandbox-verify-");
            options.PhoneNumberId = string.IsNullOrWhiteSpace(options.PhoneNumberId) ? sandbox.Value.DefaultPhoneNumberId : options.PhoneNumberId;
        }

        private static string Fill(string value, string prefix) => string.IsNullOrWhiteSpace(value) ? prefix + Generated : value;
    }
}
