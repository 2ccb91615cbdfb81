namespace CallGateway.Sandbox;

/// <summary>
/// The built-in Meta sandbox: plays the Graph API and WhatsApp users' phones behind an ICE-lite media edge, so the
/// gateway can be tried and tested without a Meta account. Bound from the <c>Sandbox</c> section.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Host the sandbox in this process and point the gateway at it.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where this process is reachable (default: the first of the server's <c>urls</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where webhooks are delivered (default: <c>{BaseUrl}/webhooks/whatsapp</c>).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The business's display number in webhooks.</summary>
    public string BusinessNumber { get; set; } = "16505550100";

    /// <summary>Phone number id used when Meta:PhoneNumberId is not set.</summary>
    public string DefaultPhoneNumberId { get; set; } = "100000000000001";

    /// <summary>Meta's accept window on the caller's side: an inbound call not accepted in time is terminated.</summary>
    public int AcceptTimeoutSeconds { get; set; } = 60;

    /// <summary>A business-initiated call nobody answers is terminated after this long.</summary>
    public int RingTimeoutSeconds { get; set; } = 60;

    /// <summary>How long a simulated user takes to pick up.</summary>
    public int AnswerDelayMilliseconds { get; set; } = 1500;

    /// <summary>Delivery retries after a non-2xx answer or a network error (Meta retries for days; we stop sooner).</summary>
    public int[] RetryDelaysMilliseconds { get; set; } = [250, 1000, 3000, 10000];

    /// <summary>Deliver every webhook twice (to exercise dedupe).</summary>
    public bool DuplicateDeliveries { get; set; }

    /// <summary>Swap each pair of consecutive webhooks (to exercise ordering).</summary>
    public bool OutOfOrderDeliveries { get; set; }

    /// <summary>Address the simulated phones' media binds to (Meta's edge); loopback when the gateway is on this machine.</summary>
    public string MediaBindAddress { get; set; } = "127.0.0.1";

    /// <summary>Tone the simulated phone plays into a call, in Hz (0: silence).</summary>
    public double ToneHz { get; set; } = 440;

    /// <summary>Peak amplitude of that tone, 0..1.</summary>
    public double ToneAmplitude { get; set; } = 0.25;
}
