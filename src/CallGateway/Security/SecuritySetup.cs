using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CallGateway.Security;

internal static partial class SecuritySetup
{
    /// <summary>
    /// The internal API requires a client key. In sandbox mode with no key configured, the well-known development
    /// key <see cref="SandboxKey"/> is accepted (and a warning logged at start); production must configure keys.
    /// </summary>
    public const string SandboxKey = "sandbox-dev-key-change-me";

    public static IServiceCollection AddCallGatewaySecurity(this IServiceCollection services, bool sandboxEnabled)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName)
            .PostConfigure(o =>
            {
                if (sandboxEnabled && o.Keys.Count == 0)
                {
                    o.Keys.Add(new ApiClientKey { Client = "sandbox", Key = SandboxKey });
                }
            })
            .Validate(o => o.Keys.Count > 0, "Api:Keys needs at least one client key (environment Api__Keys__0__Client and Api__Keys__0__Key).")
            .Validate(o => o.Keys.All(k => !string.IsNullOrWhiteSpace(k.Client) && k.Key.Length >= ApiKeyOptions.MinimumKeyLength),
                $"Every Api:Keys entry needs a Client name and a Key of at least {ApiKeyOptions.MinimumKeyLength} characters.")
            .ValidateOnStart();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // Secure by default: every endpoint needs a client key unless it says AllowAnonymous (webhooks, health, sandbox).
        services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().Build());
        return services;
    }

    public static void WarnAboutSandboxKey(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys;
        if (keys.Any(k => k.Key == SandboxKey))
        {
            LogSandboxKey(app.Logger, ApiKeyOptions.HeaderName, SandboxKey);
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Sandbox mode: the internal API accepts the development key in {Header}: {Key}. Configure Api:Keys for anything real.")]
    private static partial void LogSandboxKey(ILogger logger, string header, string key);
}
