using CallGateway.Media;
using CallGateway.Media.Session;
using Microsoft.Extensions.Options;

namespace CallGateway.Hosting;

internal static class MediaSetup
{
    /// <summary>The in-process WebRTC media engine, configured from the <c>Media</c> section and validated at start-up.</summary>
    public static IServiceCollection AddCallGatewayMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>();
        services.AddSingleton(sp => new MediaClock(sp.GetRequiredService<IOptions<MediaOptions>>().Value.ClockWorkers));
        services.AddSingleton(sp => new MediaEngine(
            sp.GetRequiredService<IOptions<MediaOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<MediaClock>()));
        services.AddSingleton<IMediaEngine>(sp => sp.GetRequiredService<MediaEngine>());
        return services;
    }

    private sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
    {
        public ValidateOptionsResult Validate(string? name, MediaOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
