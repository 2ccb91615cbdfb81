using CallGateway.Media;

namespace CallGateway.Hosting;

internal static class MediaSetup
{
    public static IServiceCollection AddCallGatewayMedia(this IServiceCollection services)
    {
        services.AddSingleton<IMediaEngine, UnavailableMediaEngine>();
        return services;
    }

    /// <summary>Refuses every call with a clear reason rather than pretending to carry audio.</summary>
    private sealed class UnavailableMediaEngine : IMediaEngine
    {
        public Task<IMediaSession> CreateAnswerAsync(MediaSessionRequest request, string remoteOfferSdp, CancellationToken cancellationToken) =>
            throw new MediaNegotiationException("No media engine is configured in this build.");

        public Task<IMediaSession> CreateOfferAsync(MediaSessionRequest request, CancellationToken cancellationToken) =>
            throw new MediaNegotiationException("No media engine is configured in this build.");
    }
}
