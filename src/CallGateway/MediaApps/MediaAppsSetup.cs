namespace CallGateway.MediaApps;

public static class MediaAppsSetup
{
    public static IServiceCollection AddCallGatewayMediaApps(this IServiceCollection services)
    {
        services.AddOptions<MediaAppsOptions>().BindConfiguration(MediaAppsOptions.SectionName)
            .Validate(o => o.StreamSampleRate is 16000 or 8000, "MediaApps:StreamSampleRate must be 16000 or 8000.")
            .Validate(o => o.StreamUrl is not { Length: > 0 } url || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "ws" or "wss"),
                "MediaApps:StreamUrl must be a ws:// or wss:// URL.")
            .ValidateOnStart();
        services.AddSingleton<CallMediaAppsRegistry>();
        services.AddSingleton<MediaStreamDialer>();
        services.AddSingleton<PlayRequestValidator>();
        services.AddHostedService<MediaAppsLifecycle>();
        return services;
    }
}
