namespace CallGateway.Media.Sdp;

/// <summary>
/// A parsed or built SDP session description (RFC 8866 §5). Lines are kept in the model in RFC 8866 order:
/// <code>
/// v=0                                      Version (always 0)
/// o=- 3626166318745852955 2 IN IP4 ...     Origin
/// s=-                                      SessionName
/// i= u= e=* p=* c= b=*                     Information, Uri, EmailAddresses, PhoneNumbers, Connection, Bandwidths
/// t=0 0  (r=*)                             Timings (one or more)
/// z= k=                                    TimeZoneAdjustments, EncryptionKey (obsolete)
/// a=*                                      Attributes (session level, order and duplicates kept)
/// m=...                                    Media (zero or more media descriptions)
/// </code>
/// </summary>
/// <remarks>Mutable and not thread-safe: build or parse it on one thread, then treat it as read-only.</remarks>
public sealed class SessionDescription
{
    public int Version { get; set; }

    public SdpOrigin Origin { get; set; } = new("-", "0", 0, "IN", "IP4", "127.0.0.1");

    /// <summary>The <c>s=</c> text; RFC 8866 §5.3 forbids an empty one, "-" is the WebRTC convention.</summary>
    public string SessionName { get; set; } = "-";

    public string? Information { get; set; }

    /// <summary>The <c>u=</c> text, verbatim (never dereferenced, so it is not validated as a URI).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Design",
        "CA1056:URI-like properties should not be strings",
        Justification = "u= is opaque SDP text that must round-trip byte for byte; it is never dereferenced.")]
    public string? Uri { get; set; }

    public IList<string> EmailAddresses { get; } = new List<string>();

    public IList<string> PhoneNumbers { get; } = new List<string>();

    public SdpConnection? Connection { get; set; }

    public IList<SdpBandwidth> Bandwidths { get; } = new List<SdpBandwidth>();

    public IList<SdpTiming> Timings { get; } = new List<SdpTiming>();

    /// <summary>The <c>z=</c> text, verbatim.</summary>
    public string? TimeZoneAdjustments { get; set; }

    /// <summary>The obsolete <c>k=</c> text (RFC 8866 §5.12), kept only so it round-trips.</summary>
    public string? EncryptionKey { get; set; }

    public IList<SdpAttribute> Attributes { get; } = new List<SdpAttribute>();

    public IList<MediaDescription> Media { get; } = new List<MediaDescription>();

    /// <summary>The first session-level attribute with this name, or null.</summary>
    public SdpAttribute? FindAttribute(string name) => SdpAttributeList.Find(Attributes, name);

    /// <summary>All session-level attributes with this name, in order.</summary>
    public IReadOnlyList<SdpAttribute> FindAttributes(string name) => SdpAttributeList.FindAll(Attributes, name);

    public bool HasAttribute(string name) => FindAttribute(name) is not null;
}
