namespace CallGateway.Media.Sdp;

/// <summary>
/// One RTP payload format of an m= section: <c>a=rtpmap:&lt;pt&gt; &lt;name&gt;/&lt;clock&gt;[/&lt;channels&gt;]</c>
/// (RFC 8866 §6.6) plus its <c>a=fmtp</c> parameters (RFC 8866 §6.15), e.g. 111 opus/48000/2
/// "minptime=10;useinbandfec=1" (RFC 7587 §7). Static payload types without an rtpmap (0 PCMU, 8 PCMA, ...) get
/// their RFC 3551 §6 defaults.
/// </summary>
public sealed record SdpRtpCodec(int PayloadType, string Name, int ClockRate, int Channels = 1, string? FormatParameters = null)
{
    /// <summary>True for opus/48000/2, the only valid Opus rtpmap (RFC 7587 §7).</summary>
    public bool IsOpus => Is("opus", 48000) && Channels == 2;

    public bool IsPcmu => Is("PCMU", 8000);

    public bool IsPcma => Is("PCMA", 8000);

    public bool IsTelephoneEvent => string.Equals(Name, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rtpmap value: <c>111 opus/48000/2</c>; the channel count is written only when not 1.</summary>
    public string ToRtpMapValue() =>
        FormattableString.Invariant($"{PayloadType} {Name}/{ClockRate}") + (Channels == 1 ? string.Empty : FormattableString.Invariant($"/{Channels}"));

    private bool Is(string name, int clockRate) =>
        ClockRate == clockRate && string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
