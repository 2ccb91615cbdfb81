using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CallGateway.Meta.Graph;

/// <summary>Adds the bearer token from configuration; the token only ever travels in this header.</summary>
public sealed class GraphAuthHandler(IOptionsMonitor<MetaOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
