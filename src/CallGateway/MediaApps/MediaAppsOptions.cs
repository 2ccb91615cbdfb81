namespace CallGateway.MediaApps;

/// <summary>What internal systems can do with a connected call's audio. Bound from the <c>MediaApps</c> section.</summary>
public sealed class MediaAppsOptions
{
    public const string SectionName = "MediaApps";

    /// <summary>Server-side prompts: <c>{PromptsFolder}/{name}.wav</c>, played by name.</summary>
    public string PromptsFolder { get; set; } = "prompts";

    /// <summary>Where call recordings are written (<c>{callId}.wav</c>, stereo: left = caller, right = business).</summary>
    public string RecordingsFolder { get; set; } = "data/recordings";

    /// <summary>Largest WAV accepted in a play request.</summary>
    public int MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>When set, the gateway dials out a media stream WebSocket (ws:// or wss://) to this URL for every connected call.</summary>
    public string? StreamUrl { get; set; }

    /// <summary>Sample rate of the media stream's PCM16 frames: 16000 (default) or 8000.</summary>
    public int StreamSampleRate { get; set; } = 16000;
}
