using Microsoft.Extensions.Options;

namespace CallGateway.Sandbox;

/// <summary>Where the sandbox lives and where it delivers webhooks, resolved from configuration.</summary>
public sealed class SandboxEndpoints(IOptionsMonitor<SandboxOptions> options)
{
    public const string DefaultBaseUrl = "http://localhost:5080";

    /// <summary>Root of this process, e.g. http://127.0.0.1:5080.</summary>
    public Uri BaseUri => new(TrimSlash(options.CurrentValue.BaseUrl ?? DefaultBaseUrl) + "/", UriKind.Absolute);

    /// <summary>The emulated Graph API root (without version), e.g. http://127.0.0.1:5080/sandbox/graph.</summary>
    public string GraphBaseUrl => new Uri(BaseUri, "sandbox/graph").ToString();

    public Uri WebhookUri => options.CurrentValue.WebhookUrl is { Length: > 0 } url
        ? new Uri(url, UriKind.Absolute)
        : new Uri(BaseUri, "webhooks/whatsapp");

    /// <summary>Picks the sandbox's base URL from the server's <c>urls</c> setting (wildcard hosts become 127.0.0.1).</summary>
    public static string? FromServerUrls(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
        {
            first = first.Replace(wildcard, "://127.0.0.1:", StringComparison.Ordinal);
        }

        return TrimSlash(first);
    }

    private static string TrimSlash(string url) => url.TrimEnd('/');
}
